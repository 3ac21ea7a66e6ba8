package io.chainwright.fabric.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.chainwright.api.AwaitTimeoutException;
import io.chainwright.api.PlatformException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLParameters;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.Payload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The orderer admin client against a local HTTPS server that demands a client certificate, as an orderer's admin endpoint does. */
class OrdererAdminTest {
  private static TestPki.Issued serverCa;
  private static TestPki.Issued server;
  private static TestPki.Issued clientCa;
  private static TestPki.Issued client;

  private HttpsServer https;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeAll
  static void pki() throws Exception {
    serverCa = TestPki.ca("tls-ca.orderer.example.com");
    server = TestPki.leaf(serverCa, "orderer0", List.of("orderer0.example.com", "localhost"), List.of("127.0.0.1"));
    clientCa = TestPki.ca("tls-ca.admin.example.com");
    client = TestPki.leaf(clientCa, "admin", List.of(), List.of());
  }

  @AfterEach
  void stop() {
    release.countDown();
    if (https != null) {
      https.stop(0);
    }
  }

  private OrdererAdmin start(TestPki.Issued serverCertificate) throws Exception {
    https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(TestServers.sslContext(serverCertificate, clientCa.certificate())) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
        ssl.setNeedClientAuth(true);
        params.setSSLParameters(ssl);
      }
    });
    https.createContext("/participation/v1/channels", this::answer);
    https.start();
    return admin(ClientTls.trusting(serverCa.certificate()).withClientCertificate(client.certificate(), client.key()),
        Duration.ofSeconds(10));
  }

  private OrdererAdmin admin(ClientTls tls, Duration timeout) {
    return OrdererAdmin.connect(new Endpoint("127.0.0.1", https.getAddress().getPort()), tls, timeout);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
    String path = exchange.getRequestURI().getPath();
    requests.add(exchange.getRequestMethod() + " " + path + " " + exchange.getRequestHeaders().getFirst("Content-Type")
        + "\n" + body);
    switch (exchange.getRequestMethod() + " " + path) {
      case "POST /participation/v1/channels" -> reply(exchange, 201,
          "{\"name\":\"mychannel\",\"url\":\"/participation/v1/channels/mychannel\",\"consensusRelation\":\"consenter\","
              + "\"status\":\"active\",\"height\":1}");
      case "GET /participation/v1/channels" -> reply(exchange, 200,
          "{\"systemChannel\":null,\"channels\":[{\"name\":\"a\",\"url\":\"/x\"},{\"name\":\"b\",\"url\":\"/y\"}]}");
      case "GET /participation/v1/channels/mychannel" -> reply(exchange, 200,
          "{\"name\":\"mychannel\",\"consensusRelation\":\"follower\",\"status\":\"onboarding\",\"height\":7}");
      case "DELETE /participation/v1/channels/mychannel" -> reply(exchange, 204, "");
      case "GET /participation/v1/channels/slow" -> {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        reply(exchange, 200, "{}");
      }
      default -> reply(exchange, 404, "{\"error\":\"channel does not exist\"}");
    }
  }

  private static void reply(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Test
  void joinPostsTheConfigBlockAsMultipartFormField() throws Exception {
    OrdererAdmin admin = start(server);
    byte[] block = configBlock("mychannel");

    OrdererChannel joined = admin.join(block);

    assertThat(joined).isEqualTo(new OrdererChannel("mychannel", "consenter", "active", 1));
    String request = requests.getFirst();
    assertThat(request).startsWith("POST /participation/v1/channels multipart/form-data; boundary=")
        .contains("Content-Disposition: form-data; name=\"config-block\"")
        .contains(new String(block, StandardCharsets.ISO_8859_1));
  }

  @Test
  void listsReadsAndRemovesChannels() throws Exception {
    OrdererAdmin admin = start(server);

    assertThat(admin.channels()).containsExactly("a", "b");
    assertThat(admin.channel("mychannel")).isEqualTo(new OrdererChannel("mychannel", "follower", "onboarding", 7));
    admin.remove("mychannel");
    assertThat(requests).last().asString().startsWith("DELETE /participation/v1/channels/mychannel");
  }

  @Test
  void refusalNamesTheOrdererTheOperationAndTheReason() throws Exception {
    OrdererAdmin admin = start(server);

    assertThatThrownBy(() -> admin.remove("nochannel"))
        .isInstanceOf(PlatformException.class)
        .hasMessageContaining("remove channel nochannel from orderer 127.0.0.1:")
        .hasMessageContaining("HTTP 404 channel does not exist");
  }

  @Test
  void serverFromAnUntrustedCaIsRefusedBeforeAnyRequest() throws Exception {
    TestPki.Issued stranger = TestPki.leaf(TestPki.ca("someone else"), "orderer0", List.of("localhost"), List.of("127.0.0.1"));
    OrdererAdmin admin = start(stranger);

    assertThatThrownBy(admin::channels)
        .isInstanceOf(PlatformException.class)
        .hasMessageContaining("list channels on orderer 127.0.0.1:");
    assertThat(requests).isEmpty();
  }

  @Test
  void serverCertificateMustNameTheHostOrTheGivenServerName() throws Exception {
    TestPki.Issued named = TestPki.leaf(serverCa, "orderer0", List.of("orderer0.example.com"), List.of());
    start(named);
    ClientTls tls = ClientTls.trusting(serverCa.certificate()).withClientCertificate(client.certificate(), client.key());

    assertThatThrownBy(() -> admin(tls, Duration.ofSeconds(10)).channels()).isInstanceOf(PlatformException.class);
    assertThat(requests).isEmpty();
    assertThat(admin(tls.withServerName("orderer0.example.com"), Duration.ofSeconds(10)).channels()).containsExactly("a", "b");
  }

  @Test
  void slowAnswerTimesOutNamingWhatWasAwaited() throws Exception {
    start(server);
    OrdererAdmin admin = admin(ClientTls.trusting(serverCa.certificate())
        .withClientCertificate(client.certificate(), client.key()), Duration.ofMillis(300));

    assertThatThrownBy(() -> admin.channel("slow"))
        .isInstanceOf(AwaitTimeoutException.class)
        .hasMessageContaining("an answer from orderer 127.0.0.1:")
        .hasMessageContaining("read channel slow");
  }

  /** A minimal block whose first envelope names {@code channel}; enough for the client and the fake server. */
  static byte[] configBlock(String channel) {
    Payload payload = Payload.newBuilder()
        .setHeader(Header.newBuilder().setChannelHeader(ChannelHeader.newBuilder().setChannelId(channel).build().toByteString()))
        .build();
    Envelope envelope = Envelope.newBuilder().setPayload(payload.toByteString()).build();
    return Block.newBuilder().setData(BlockData.newBuilder().addData(envelope.toByteString())).build().toByteArray();
  }
}
