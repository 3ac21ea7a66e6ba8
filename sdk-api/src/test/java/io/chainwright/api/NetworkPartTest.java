package io.chainwright.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NetworkPartTest {
  private static NetworkPart node(String name) {
    return network -> network.addWorkload(Workload.builder().name(name)
        .addContainer(Container.builder().name(name).image(Image.of("example/node:1.0")).build()).build());
  }

  @Test
  void partsMakeOneNetworkInTheOrderGiven() {
    Network network = NetworkPart.network("pool", node("a"), node("b"));

    assertThat(network.name()).isEqualTo("pool");
    assertThat(network.workloads()).extracting(Workload::name).containsExactly("a", "b");
  }

  @Test
  void theWholeNetworkIsValidatedOnceWithEveryProblem() {
    assertThatThrownBy(() -> NetworkPart.network("Pool", node("a"), node("a")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::path).contains("name", "workloads[a]"));
  }
}
