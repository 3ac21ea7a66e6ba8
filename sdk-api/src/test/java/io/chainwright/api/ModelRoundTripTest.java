package io.chainwright.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelRoundTripTest {
  @Test
  void aNetworkUsingEveryPartOfTheModelRoundTripsThroughYaml() {
    Network network = Fixtures.everything();

    String yaml = ModelMapper.toYaml(network);
    Network back = ModelMapper.fromYaml(yaml, Network.class);

    assertThat(back).isEqualTo(network);
    assertThat(ModelMapper.toYaml(back)).isEqualTo(yaml);
  }

  @Test
  void aNetworkUsingEveryPartOfTheModelRoundTripsThroughJson() {
    Network network = Fixtures.everything();

    assertThat(ModelMapper.fromJson(ModelMapper.toJson(network), Network.class)).isEqualTo(network);
  }

  @Test
  void writtenYamlNamesVariantsByTypeAndLeavesOutEmptyParts() {
    String yaml = ModelMapper.toYaml(Fixtures.everything());

    assertThat(yaml).contains("type: node-port", "type: ingress", "type: data", "type: json-rpc")
        .doesNotContain("!<", "null", "[]\n");
  }

  @Test
  void aHandWrittenMinimalDocumentGetsTheDefaults() {
    Network network = ModelMapper.fromYaml("""
        name: devnet
        workloads:
        - name: anvil
          containers:
          - name: anvil
            image: ghcr.io/foundry-rs/foundry:v1.7.1
            ports:
            - {name: rpc, number: 8545}
        """, Network.class);

    Workload anvil = network.workload("anvil").orElseThrow();
    assertThat(network.namespace()).isEqualTo("devnet");
    assertThat(anvil.kind()).isEqualTo(WorkloadKind.STATELESS);
    assertThat(anvil.replicas()).isEqualTo(1);
    Port rpc = anvil.port("rpc").orElseThrow();
    assertThat(rpc.protocol()).isEqualTo(Protocol.TCP);
    assertThat(rpc.exposure().leavesNetwork()).isFalse();
    assertThat(anvil.containers().get(0).security().runAsNonRoot()).isTrue();
  }

  @Test
  void anUnknownKeyInADocumentIsAViolationWithItsPath() {
    ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
        () -> ModelMapper.fromYaml("""
            name: devnet
            workloads:
            - name: anvil
              replica: 2
              containers: [{name: anvil, image: "anvil:1"}]
            """, Network.class));

    assertThat(e.violations()).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("workloads[0].replica");
      assertThat(v.message()).contains("replica");
    });
  }

  @Test
  void aDocumentWithAnInvalidValueReportsTheDocumentPathAndTheValuesOwnPath() {
    ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
        () -> ModelMapper.fromYaml("""
            name: devnet
            workloads:
            - name: anvil
              containers:
              - name: anvil
                image: "anvil:1"
                ports: [{name: rpc, number: 70000}]
            """, Network.class));

    assertThat(e.violations()).extracting(Violation::toString)
        .containsExactly("workloads[0].containers[0].ports[rpc].number: 70000 is not a port (1-65535)");
  }
}
