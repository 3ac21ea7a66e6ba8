package io.chainwright.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.material.MaterialStore;
import org.junit.jupiter.api.Test;

class NetworkPartTest {
  private static NetworkPart node(String name) {
    return (network, materials) -> network.addWorkload(Workload.builder().name(name)
        .addContainer(Container.builder().name(name).image(Image.of("example/node:1.0")).build()).build());
  }

  private static NetworkPart tokenHolder(String name) {
    return (network, materials) -> network.addSecret(Secret.builder().name(name)
        .putData("token", materials.randomHex(name, "token", 32)).build());
  }

  @Test
  void oneStoreGivesTheSameNetworkOnEveryBuild() {
    MaterialStore store = MaterialStore.inMemory();

    Network first = NetworkPart.network("pool", store, tokenHolder("api"));
    Network second = NetworkPart.network("pool", store, tokenHolder("api"));

    assertThat(second).isEqualTo(first);
    assertThat(store.keys("pool")).extracting(k -> k.owner() + "/" + k.name()).containsExactly("api/token");
  }

  @Test
  void withoutAStoreEachBuildMakesNewMaterial() {
    assertThat(NetworkPart.network("pool", tokenHolder("api")))
        .isNotEqualTo(NetworkPart.network("pool", tokenHolder("api")));
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
