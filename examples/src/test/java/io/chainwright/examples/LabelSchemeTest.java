package io.chainwright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.chainwright.api.Network;
import io.chainwright.api.backend.OwnershipLabels;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.compose.ComposeProject;
import io.chainwright.compose.ComposeRenderer;
import io.chainwright.compose.ComposeService;
import io.chainwright.kubernetes.KubernetesBackend;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Both backends label a workload with the same keys and values, so one query finds it on either. */
class LabelSchemeTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void everyWorkloadsPodsOnKubernetesAndServicesOnComposeCarryTheSameLabels() throws IOException {
    int compared = 0;
    for (Network network : Examples.all(MaterialStore.inMemory())) {
      ComposeProject project = ComposeRenderer.render(network);
      JsonNode services = YAML.readTree(project.composeYaml()).get("services");
      for (HasMetadata object : KubernetesBackend.create().render(network).objects()) {
        Optional<PodTemplateSpec> pods = podTemplate(object);
        if (pods.isEmpty()) {
          continue;
        }
        String workload = pods.get().getMetadata().getLabels().get(OwnershipLabels.WORKLOAD);
        for (ComposeService service : project.plan().servicesOf(workload)) {
          Map<String, String> compose = labels(services.get(service.name()).get("labels"));
          compose.remove(OwnershipLabels.SCHEDULE);

          assertThat(compose).as(network.name() + "/" + service.name()).isEqualTo(new TreeMap<>(pods.get().getMetadata().getLabels()));
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(20);
  }

  private static Optional<PodTemplateSpec> podTemplate(HasMetadata object) {
    return Optional.ofNullable(switch (object) {
      case StatefulSet s -> s.getSpec().getTemplate();
      case Deployment d -> d.getSpec().getTemplate();
      case DaemonSet d -> d.getSpec().getTemplate();
      case Job j -> j.getSpec().getTemplate();
      case CronJob c -> c.getSpec().getJobTemplate().getSpec().getTemplate();
      default -> null;
    });
  }

  private static Map<String, String> labels(JsonNode node) {
    Map<String, String> labels = new TreeMap<>();
    node.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    return labels;
  }
}
