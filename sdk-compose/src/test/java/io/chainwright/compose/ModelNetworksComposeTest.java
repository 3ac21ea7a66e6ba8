package io.chainwright.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.MaterialException;
import io.chainwright.api.ModelBuilder;
import io.chainwright.api.Network;
import io.chainwright.api.NetworkSpecs.NetworkSpec;
import io.chainwright.api.RandomNetworks;
import io.chainwright.api.ValidationException;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;

/**
 * Every network the model accepts, from the model's own random generator (sdk-api's test jar),
 * renders a compose.yaml the Compose specification's schema accepts, or is refused with a
 * ValidationException (say, a pod IP Compose cannot give).
 */
class ModelNetworksComposeTest {
  private ComposeSchema schema;

  @BeforeProperty
  void loadSchema() {
    schema = ComposeSchema.load();
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void everyValidModelRendersASchemaValidFileOrIsRefusedClearly(@ForAll("networks") NetworkSpec spec) {
    Network network = ModelBuilder.build(spec).network().orElse(null);
    if (network == null) {
      Statistics.collect("invalid model");
      return;
    }
    ComposeProject project;
    try {
      project = ComposeRenderer.render(network);
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
    assertThat(schema.problems(project.composeYaml())).as("schema problems of%n%s", project.composeYaml()).isEmpty();
  }

  @Provide
  Arbitrary<NetworkSpec> networks() {
    return RandomNetworks.networks();
  }
}
