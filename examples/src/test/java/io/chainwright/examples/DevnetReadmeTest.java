package io.chainwright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Network;
import io.chainwright.junit.Devnet;
import io.chainwright.junit.Endpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The README's devnet test, verbatim between the markers. */
// README: devnet
@Devnet
class DevnetReadmeTest {
  static Network network = DevnetExample.network();

  @Test
  void answersWithItsChainId(@Endpoint(workload = "anvil", port = "rpc") URI rpc) throws Exception {
    HttpRequest call = HttpRequest.newBuilder(rpc).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
        .build();

    String reply = HttpClient.newHttpClient().send(call, HttpResponse.BodyHandlers.ofString()).body();

    assertThat(reply).contains("\"result\":\"0x7a69\"");
  }
}
// README: end
