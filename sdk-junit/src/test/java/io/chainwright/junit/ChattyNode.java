package io.chainwright.junit;

import java.net.InetAddress;
import java.net.ServerSocket;

/** A process that listens on {@code --port} and says so, for the extension's tests. */
public final class ChattyNode {
  private ChattyNode() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[1]);
    // Speak before listening, and give the log reader a moment, so the line is read before the node counts as ready.
    System.out.println("chatty node listening on " + port);
    Thread.sleep(200);
    try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
      while (true) {
        server.accept().close();
      }
    }
  }
}
