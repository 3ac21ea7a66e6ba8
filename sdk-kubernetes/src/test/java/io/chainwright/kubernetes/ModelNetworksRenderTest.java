package io.chainwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.MaterialException;
import io.chainwright.api.ModelBuilder;
import io.chainwright.api.Network;
import io.chainwright.api.NetworkSpecs.NetworkSpec;
import io.chainwright.api.RandomNetworks;
import io.chainwright.api.ValidationException;
import io.chainwright.kubernetes.render.YamlWriter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Every network the model accepts, from the model's own random generator (sdk-api's test jar),
 * renders into typed objects that read back unchanged, or is refused with a ValidationException;
 * a secret whose source is missing (an unset variable, an absent file) is a MaterialException.
 */
class ModelNetworksRenderTest {
  private static final KubernetesSerialization FABRIC8 = new KubernetesSerialization();

  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void everyValidModelRendersOrIsRefusedClearly(@ForAll("networks") NetworkSpec spec) {
    Network network = ModelBuilder.build(spec).network().orElse(null);
    if (network == null) {
      Statistics.collect("invalid model");
      return;
    }
    KubernetesRendering rendering;
    try {
      rendering = KubernetesBackend.create().render(network);
    } catch (ValidationException refused) {
      assertThat(refused.violations()).isNotEmpty();
      Statistics.collect("refused by the backend");
      return;
    } catch (MaterialException missingSecret) {
      assertThat(missingSecret).hasMessageContaining("Secret value not available");
      Statistics.collect("secret source missing");
      return;
    }
    Statistics.collect("rendered");
    Statistics.coverage(c -> c.check("rendered").percentage(p -> p > 10));
    for (HasMetadata o : rendering.objects()) {
      String yaml = YamlWriter.write(o);
      assertThat(YamlWriter.write(FABRIC8.unmarshal(yaml))).as("%s reads back", o.getKind()).isEqualTo(yaml);
    }
  }

  @Provide
  Arbitrary<NetworkSpec> networks() {
    return RandomNetworks.networks();
  }
}
