package io.chainwright.api.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Container;
import io.chainwright.api.DataVolume;
import io.chainwright.api.Dependency;
import io.chainwright.api.Exposure;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
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
  void internalPortsStayOffThePicture() {
    assertThat(MermaidDiagram.of(network())).doesNotContain("rpc 8545");
  }

  @Test
  void theSameNetworkGivesTheSamePicture() {
    assertThat(MermaidDiagram.of(network())).isEqualTo(MermaidDiagram.of(network()));
  }
}
