package io.chainwright.compose.host;

import io.chainwright.api.PlatformException;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finds loopback ports free for both TCP and UDP, so a P2P port can serve both protocols. */
final class PortAllocator {
  private static final int ATTEMPTS = 50;

  private PortAllocator() {}

  static int freePort() {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try (ServerSocket tcp = new ServerSocket()) {
        tcp.setReuseAddress(false);
        tcp.bind(new InetSocketAddress(loopback, 0));
        int port = tcp.getLocalPort();
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, port))) {
          return port;
        } catch (IOException udpTaken) {
          // Taken for UDP only; try another.
        }
      } catch (IOException e) {
        throw new PlatformException("allocate", "a loopback port", e.getMessage(), e);
      }
    }
    throw new PlatformException("allocate", "a loopback port", "none free for both TCP and UDP after " + ATTEMPTS + " attempts");
  }
}
