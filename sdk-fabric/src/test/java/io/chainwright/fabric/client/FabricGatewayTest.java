package io.chainwright.fabric.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.PlatformException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failures through the Gateway name the peer and the operation; the happy path runs in the devnet test. */
class FabricGatewayTest {
  @Test
  void unreachablePeerFailsNamingPeerAndOperation() throws Exception {
    TestPki.Issued ca = TestPki.ca("tlsca");
    TestPki.Issued user = TestPki.leaf(TestPki.ca("ca"), "User1", List.of(), List.of());
    Endpoint nowhere = new Endpoint("127.0.0.1", closedPort());

    try (FabricGateway gateway = FabricGateway.connect(nowhere, ClientTls.trusting(ca.certificate()),
        new FabricIdentity("Org1MSP", user.certificate(), user.key()), Duration.ofSeconds(10))) {
      assertThatThrownBy(() -> gateway.evaluate("mychannel", "kv", "get", "k"))
          .isInstanceOf(PlatformException.class)
          .hasMessageContaining("evaluate get of chaincode kv on channel mychannel through peer " + nowhere)
          .hasMessageContaining("UNAVAILABLE");
      assertThatThrownBy(() -> gateway.lifecycle("mychannel").committed())
          .isInstanceOf(PlatformException.class)
          .hasMessageContaining("list committed chaincodes on channel mychannel through peer " + nowhere);
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
