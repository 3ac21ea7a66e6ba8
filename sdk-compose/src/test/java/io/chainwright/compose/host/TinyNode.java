package io.chainwright.compose.host;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in node the host runtime tests run as a real process: it serves {@code /health} on
 * {@code --port}, records its start in {@code --data}, and with {@code --peer} refuses to start
 * unless that peer already answers, so start order is observable. Its health answers 503 until
 * {@code --ready-after-ms} have passed, and for the first {@code --ready-after-checks} checks.
 */
public final class TinyNode {
  private TinyNode() {}

  public static void main(String[] args) throws Exception {
    int port = 0;
    Path data = null;
    String peer = null;
    long delayMs = 0;
    int unreadyChecks = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--data" -> data = Path.of(args[++i]);
        case "--peer" -> peer = args[++i];
        case "--ready-after-ms" -> delayMs = Long.parseLong(args[++i]);
        case "--ready-after-checks" -> unreadyChecks = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (peer != null) {
      int status = HttpClient.newHttpClient()
          .send(HttpRequest.newBuilder(URI.create(peer + "/health")).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
      System.out.println("peer " + peer + " answered " + status);
    }
    if (data != null) {
      Files.writeString(data.resolve("started"), "yes\n");
    }
    long readyAt = System.currentTimeMillis() + delayMs;
    AtomicInteger checksLeft = new AtomicInteger(unreadyChecks);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/health", exchange -> {
      boolean ready = System.currentTimeMillis() >= readyAt && checksLeft.getAndDecrement() <= 0;
      int code = ready ? 200 : 503;
      exchange.sendResponseHeaders(code, -1);
      exchange.close();
    });
    server.start();
    System.out.println("listening on " + port);
    Thread.currentThread().join();
  }

}
