package io.chainwright.compose;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** One JSON-RPC call without parameters, answered as the node's raw reply, for tests that only need to know a node answers. */
public final class TestRpc {
  private TestRpc() {}

  public static String call(URI endpoint, String method) throws IOException, InterruptedException {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[]}";
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
