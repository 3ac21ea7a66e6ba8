package io.chainwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.ChainwrightException;
import io.chainwright.api.Container;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.PlatformException;
import io.chainwright.api.Port;
import io.chainwright.api.Workload;
import io.chainwright.kubernetes.cluster.ApplyMode;
import io.chainwright.kubernetes.render.Labels;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.mockwebserver.internal.WebSocketMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Endpoints through port-forwards. The mock server runs in CRUD mode for the pods, with one
 * expectation that plays the kubelet's end of the port-forward protocol: it announces the port on
 * the data and error channels, then answers one message.
 */
class PortForwardTest {
  private final MockCluster cluster = MockCluster.crud();
  private final KubernetesBackend backend = cluster.backend(ApplyMode.CREATE_OR_UPDATE).build();
  private final Network network = Network.builder().name("pf").addWorkload(Workload.builder().name("node")
      .addContainer(Container.builder().name("node").image(Image.of("example/node:1"))
          .addPort(Port.tcp("rpc", 8545)).addPort(Port.udp("discovery", 30303)).build())
      .build()).build();

  @AfterEach
  void stop() {
    cluster.close();
  }

  private void pod(String name, boolean ready) {
    Pod pod = new PodBuilder()
        .withNewMetadata().withName(name).withNamespace("pf").withLabels(Labels.selector(network, "node")).endMetadata()
        .withNewStatus().withPhase("Running")
        .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
        .endStatus().build();
    cluster.client.pods().inNamespace("pf").resource(pod).create();
  }

  private static WebSocketMessage channel(int channel, byte... payload) {
    byte[] frame = new byte[payload.length + 1];
    frame[0] = (byte) channel;
    System.arraycopy(payload, 0, frame, 1, payload.length);
    return new WebSocketMessage(frame);
  }

  @Test
  void anEndpointCarriesBytesToAReadyPodsPort() throws IOException {
    pod("node-0", false);
    pod("node-1", true);
    byte[] port = {(byte) (8545 & 0xff), (byte) (8545 >> 8)};
    cluster.server.expect().get().withPath("/api/v1/namespaces/pf/pods/node-1/portforward?ports=8545")
        .andUpgradeToWebSocket()
        .open(channel(0, port), channel(1, port))
        // The mock matches what a client sends as text; this is channel 0 followed by the bytes the test writes.
        .expect("\u0000ping")
        .andEmit(channel(0, "pong".getBytes(StandardCharsets.UTF_8)))
        .once()
        .done()
        .once();

    URI endpoint;
    try (KubernetesDeployment d = backend.deploy(network)) {
      endpoint = d.endpoint("node", "rpc");

      assertThat(endpoint.getScheme()).isEqualTo("http");
      assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
      try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
        OutputStream out = socket.getOutputStream();
        out.write("ping".getBytes(StandardCharsets.UTF_8));
        out.flush();
        InputStream in = socket.getInputStream();
        assertThat(new String(in.readNBytes(4), StandardCharsets.UTF_8)).isEqualTo("pong");
      }
      assertThat(d.endpoint("node", "rpc")).as("the forward is reused").isEqualTo(endpoint);
    }
    assertThatThrownBy(() -> new Socket(endpoint.getHost(), endpoint.getPort()).close())
        .as("closing the deployment closes its forwards").isInstanceOf(IOException.class);
  }

  @Test
  void withoutAReadyPodTheErrorListsThePods() {
    pod("node-0", false);
    KubernetesDeployment d = backend.deploy(network);

    assertThatThrownBy(() -> d.endpoint("node", "rpc"))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getMessage())
            .isEqualTo("Failed to port-forward to workload pf/node: no ready pod among node-0 (Running)"));
  }

  @Test
  void udpPortsAndUnknownNamesAreRefusedClearly() {
    KubernetesDeployment d = backend.deploy(network);

    assertThatThrownBy(() -> d.endpoint("node", "discovery"))
        .isInstanceOf(ChainwrightException.class).hasMessageContaining("carries TCP only");
    assertThatThrownBy(() -> d.endpoint("nod", "rpc"))
        .isInstanceOf(ChainwrightException.class).hasMessageContaining("'nod' is not a workload of network pf (workloads: node)");
  }
}
