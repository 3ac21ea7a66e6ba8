package io.chainwright.l2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainwright.api.ValidationException;
import io.chainwright.api.Violation;
import io.chainwright.api.policy.Reach;
import io.chainwright.ethereum.EthereumNode;
import io.chainwright.ethereum.cl.ConsensusClient;
import io.chainwright.ethereum.cl.ConsensusSpec;
import io.chainwright.ethereum.common.PublicNetwork;
import io.chainwright.ethereum.el.ExecutionClient;
import io.chainwright.ethereum.el.ExecutionSpec;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Where the readers of an L1 connect: its node in the network, the hosts named for secret URLs, or anywhere. */
class ParentChainTest {
  private static final EthereumNode SEPOLIA = EthereumNode.builder().name("sepolia").network(PublicNetwork.SEPOLIA)
      .execution(ExecutionSpec.of(ExecutionClient.GETH))
      .consensus(ConsensusSpec.of(ConsensusClient.LIGHTHOUSE, URI.create("https://checkpoint.example.org"))).build();

  @Test
  void readersReachTheNodeTheNamedHostsOrAnywhere() {
    assertThat(ParentChain.node(SEPOLIA).reaches()).containsExactly(Reach.workload("sepolia-geth", "rpc"),
        Reach.workload("sepolia-lighthouse", "http"));
    assertThat(ParentChain.builder().from(ParentChain.external("l1", "rpc-url", "beacon-url"))
        .addHosts("rpc.sepolia.example.org", "beacon.sepolia.example.org").build().reaches())
        .containsExactly(Reach.host("rpc.sepolia.example.org"), Reach.host("beacon.sepolia.example.org"));
    assertThat(ParentChain.externalRpc("l1", "rpc-url").reaches()).as("a secret URL may point anywhere").containsExactly(Reach.outside());
  }

  @Test
  void hostsNameOnlyExternalEndpointsAndAreHostNames() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> ParentChain.builder().node(SEPOLIA).addHosts("rpc.sepolia.example.org", "not a host").build());

    assertThat(e.violations()).extracting(Violation::toString).hasSize(2)
        .anySatisfy(v -> assertThat(v).isEqualTo("l1.hosts: an L1 node of the network is reached as a workload, not by host names"))
        .anySatisfy(v -> assertThat(v).startsWith("l1.hosts: ").contains("not a host"));
  }
}
