package io.chainwright.api.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Container;
import io.chainwright.api.Dependency;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.backend.OwnershipLabels;
import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.policy.IsolationPolicy;
import io.chainwright.api.policy.IsolationRule;
import io.chainwright.api.policy.TrafficPeer;
import io.chainwright.api.volume.DataVolume;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MermaidDiagramTest {
  private static Network network() {
    Workload geth = Workload.builder().name("geth").kind(WorkloadKind.STATEFUL).replicas(2)
        .addContainer(Container.builder().name("geth").image(Image.of("geth:1"))
            .addPort(Port.builder().name("p2p").number(30303).exposure(Exposure.nodePort(30303)).build())
            .addPort(Port.tcp("rpc", 8545)).build())
        .addVolume(DataVolume.of("data", "2Ti"))
        .build();
    Workload lighthouse = Workload.builder().name("lighthouse-bn").kind(WorkloadKind.STATEFUL)
        .addContainer(Container.builder().name("lighthouse").image(Image.of("lighthouse:1")).build())
        .addDependsOn(Dependency.ready("geth"))
        .build();
    return Network.builder().name("eth").addWorkloads(geth, lighthouse).build();
  }

  @Test
  void drawsWorkloadsVolumesExposedPortsAndStartOrder() {
    String mmd = MermaidDiagram.of(network());

    assertThat(mmd).startsWith("flowchart LR\n")
        .contains("w_geth[\"geth · stateful ×2\"]")
        .contains("v_geth_data[(\"data 2Ti\")]", "w_geth --- v_geth_data")
        .contains("outside -->|\"p2p 30303/TCP node port 30303\"| w_geth")
        .contains("w_geth -.->|\"ready\"| w_lighthouse_bn");
  }

  @Test
  void anAddressAContainerIsConfiguredWithIsAnArrowNamingThePort() {
    Workload beacon = Workload.builder().name("beacon").kind(WorkloadKind.STATEFUL)
        .addContainer(Container.builder().name("beacon").image(Image.of("beacon:1"))
            .addArgs("--execution-endpoint=http://geth.chain.svc:8551").build())
        .build();
    Workload geth = Workload.builder().name("geth").kind(WorkloadKind.STATEFUL)
        .addContainer(Container.builder().name("geth").image(Image.of("geth:1"))
            .addPort(Port.tcp("rpc", 8545)).addPort(Port.tcp("engine", 8551)).build())
        .build();

    assertThat(MermaidDiagram.of(Network.builder().name("eth").addWorkloads(beacon, geth).build()))
        .contains("w_beacon -->|\"engine\"| w_geth")
        .doesNotContain("rpc\"|");
  }

  @Test
  void groupsAreBoxesAndAFlowEveryMemberHasIsDrawnOnceForTheGroup() {
    Network consortium = Network.builder().name("fabric")
        .addWorkloads(member("org1-peer0", "org1"), member("org1-peer1", "org1"),
            member("ord-o0", "ord"), member("ord-o1", "ord"), member("lonely", null))
        .isolation(IsolationPolicy.builder()
            .addAllRules(flows("org1-peer0", "ord-o0", "ord-o1", "org1-peer1"))
            .addAllRules(flows("org1-peer1", "ord-o0", "ord-o1", "org1-peer0"))
            .addAllRules(flows("ord-o0", "ord-o1"))
            .addAllRules(flows("ord-o1", "ord-o0"))
            .addRules(IsolationRule.allowOut("lonely", TrafficPeer.workload("org1-peer0"), "grpc"))
            .build())
        .build();

    assertThat(MermaidDiagram.of(consortium))
        .contains("    subgraph g_org1[\"org1\"]\n      w_org1_peer0", "    subgraph g_ord[\"ord\"]\n      w_ord_o0")
        .contains("  g_org1 -->|\"grpc\"| g_ord\n")
        .contains("  w_org1_peer0 <-->|\"grpc\"| w_org1_peer1\n", "  w_ord_o0 <-->|\"grpc\"| w_ord_o1\n")
        .contains("  w_lonely -->|\"grpc\"| w_org1_peer0\n")
        .doesNotContain("w_org1_peer0 -->|\"grpc\"| w_ord_o0", "g_org1 -->|\"grpc\"| g_org1");
  }

  private static Workload member(String name, String group) {
    Workload.Builder w = Workload.builder().name(name).kind(WorkloadKind.STATEFUL)
        .addContainer(Container.builder().name("node").image(Image.of("node:1")).addPort(Port.tcp("grpc", 7050)).build());
    if (group != null) {
      w.putLabel(OwnershipLabels.GROUP, group);
    }
    return w.build();
  }

  private static List<IsolationRule> flows(String from, String... to) {
    return Arrays.stream(to).map(t -> IsolationRule.allowOut(from, TrafficPeer.workload(t), "grpc")).toList();
  }

  @Test
  void internalPortsStayOffThePicture() {
    assertThat(MermaidDiagram.of(network())).doesNotContain("rpc 8545");
  }

  @Test
  void theSameNetworkGivesTheSamePicture() {
    assertThat(MermaidDiagram.of(network())).isEqualTo(MermaidDiagram.of(network()));
  }
}
