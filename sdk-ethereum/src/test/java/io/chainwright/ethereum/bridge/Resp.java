package io.chainwright.ethereum.bridge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A Redis connection speaking RESP, enough for the bridge tests and their stand-in programs: each
 * call's answer as one line, with arrays and bulk strings flattened into their values.
 */
final class Resp implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final BufferedReader in;

  Resp(String host, int port) throws IOException {
    socket = new Socket(host, port);
    socket.setSoTimeout(10_000);
    out = socket.getOutputStream();
    in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
  }

  /** A connection to {@code host:port}, as {@code BRIDGE_REDIS_ADDRESS} gives it. */
  static Resp connect(String address) throws IOException {
    int colon = address.lastIndexOf(':');
    return new Resp(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
  }

  String call(String... args) throws IOException {
    StringBuilder request = new StringBuilder("*" + args.length + "\r\n");
    for (String a : args) {
      request.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
    }
    out.write(request.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
    return read();
  }

  private String read() throws IOException {
    String line = in.readLine();
    return switch (line.charAt(0)) {
      case '$' -> line.equals("$-1") ? "(nil)" : in.readLine();
      case '*' -> {
        if (line.equals("*-1")) {
          yield "(nil)";
        }
        StringBuilder all = new StringBuilder();
        for (int i = Integer.parseInt(line.substring(1)); i > 0; i--) {
          all.append(all.isEmpty() ? "" : " ").append(read());
        }
        yield all.toString();
      }
      default -> line;
    };
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
