package io.chainwright.junit;

import java.net.InetAddress;
import java.net.ServerSocket;

/** A process that listens on {@code --port} and says so, for the extension's tests. */
public final class ChattyNode {
  private ChattyNode() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[1]);
    try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
      System.out.println("chatty node listening on " + port);
      while (true) {
        server.accept().close();
      }
    }
  }
}
