package io.chainwright.fabric.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.chainwright.api.AwaitTimeoutException;
import io.chainwright.api.Network;
import io.chainwright.api.PlatformException;
import io.chainwright.api.ValidationException;
import io.chainwright.api.Violation;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.api.backend.Deployment;
import io.chainwright.api.backend.Teardown;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.Networks;
import io.chainwright.fabric.channel.NodeAddresses;
import io.chainwright.fabric.client.TestPki;
import io.chainwright.fabric.client.TestServers;
import io.chainwright.fabric.crypto.Identity;
import io.chainwright.fabric.crypto.NetworkCrypto;
import io.grpc.Server;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.orderer.ConsensusType;
import org.hyperledger.fabric.protos.orderer.etcdraft.ConfigMetadata;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.EndorserGrpc;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.ProposalResponse;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A channel created on a deployed network through nothing but the deployment's endpoints, as on
 * any backend: stand-ins for the orderers' channel participation API (mutual TLS with the orderer
 * org's TLS CA) and the peers' endorsers (TLS with each org's), each serving its node's own
 * certificate; every orderer and member peer is asked to join, with a genesis block that records
 * the in-network addresses, not the ones the SDK reaches the nodes at.
 */
class FabricOperationsTest {
  private static final FabricNetwork NETWORK = Networks.twoOrgs();
  private NetworkCrypto crypto;
  private final List<String> joins = new CopyOnWriteArrayList<>();
  private final List<byte[]> blocks = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> servers = new ArrayList<>();
  private final Map<String, Integer> ports = new ConcurrentHashMap<>();
  /** Orderers whose stand-in holds every request until the test ends, longer than any timeout here. */
  private final Set<String> silent = ConcurrentHashMap.newKeySet();
  private final CountDownLatch testOver = new CountDownLatch(1);

  @BeforeEach
  void start() throws Exception {
    crypto = NetworkCrypto.generate(NETWORK);
    for (var org : NETWORK.ordererOrgs()) {
      for (var orderer : org.orderers()) {
        ports.put(org.workload(orderer.name()), ordererAdmin(org.workload(orderer.name()), crypto.org(org.name()).node(orderer.name()).tls(),
            crypto.org(org.name()).tlsCa()));
      }
    }
    for (var org : NETWORK.peerOrgs()) {
      for (var peer : org.peers()) {
        ports.put(org.workload(peer.name()), endorser(org.workload(peer.name()), crypto.org(org.name()).node(peer.name()).tls()));
      }
    }
  }

  @AfterEach
  void stop() throws Exception {
    testOver.countDown();
    for (AutoCloseable server : servers) {
      server.close();
    }
  }

  private int ordererAdmin(String workload, Identity tls, Identity tlsCa) throws Exception {
    HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    SSLContext context = TestServers.sslContext(new TestPki.Issued(tls.certificate(), tls.privateKey()), tlsCa.certificate());
    https.setHttpsConfigurator(new HttpsConfigurator(context) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
        ssl.setNeedClientAuth(true);
        params.setSSLParameters(ssl);
      }
    });
    https.createContext("/participation/v1/channels", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (silent.contains(workload)) {
        awaitQuietly(testOver);
      }
      joins.add(workload);
      blocks.add(body);
      byte[] answer = "{\"name\":\"trade\",\"consensusRelation\":\"consenter\",\"status\":\"active\",\"height\":1}".getBytes();
      exchange.sendResponseHeaders(201, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    https.start();
    servers.add(() -> https.stop(0));
    return https.getAddress().getPort();
  }

  private int endorser(String workload, Identity tls) throws Exception {
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            TlsServerCredentials.newBuilder().keyManager(TestServers.keyManagers(new TestPki.Issued(tls.certificate(), tls.privateKey()))
                .getKeyManagers()).build())
        .addService(new EndorserGrpc.EndorserImplBase() {
          @Override
          public void processProposal(SignedProposal signed, StreamObserver<ProposalResponse> answer) {
            try {
              var args = ChaincodeInvocationSpec.parseFrom(ChaincodeProposalPayload.parseFrom(Proposal.parseFrom(signed.getProposalBytes())
                  .getPayload()).getInput()).getChaincodeSpec().getInput().getArgsList();
              joins.add(workload + " " + args.get(0).toStringUtf8());
              answer.onNext(ProposalResponse.newBuilder().setResponse(Response.newBuilder().setStatus(200)).build());
              answer.onCompleted();
            } catch (Exception e) {
              answer.onError(e);
            }
          }
        })
        .build().start();
    servers.add(server::shutdownNow);
    return server.getPort();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A deployment whose nodes are reached on loopback, wherever they run. */
  private Deployment deployment() {
    return new Deployment() {
      @Override
      public Network network() {
        throw new UnsupportedOperationException("not asked here");
      }

      @Override
      public URI endpoint(String workload, String port) {
        return port.equals("operations") ? URI.create("http://127.0.0.1:9443/" + workload) : URI.create("https://127.0.0.1:" + ports.get(workload));
      }

      @Override
      public void awaitReady(Duration timeout, ProgressListener listener) {}

      @Override
      public void destroy(Teardown teardown) {}
    };
  }

  @Test
  void aNodesOperationsServiceIsFoundByItsOrgAndName() {
    FabricOperations operations = FabricOperations.on(deployment(), NETWORK, crypto, NodeAddresses.workloads(), Duration.ofSeconds(10));

    assertThat(operations.operationsEndpoint("org2", "peer1")).hasPath("/" + NETWORK.peerOrg("org2").orElseThrow().workload("peer1"));
    assertThat(operations.operationsEndpoint("ord", "orderer0")).hasPath("/" + NETWORK.ordererOrgs().get(0).workload("orderer0"));
    assertThatThrownBy(() -> operations.operationsEndpoint("org9", "peer0")).hasMessageContaining("'org9' is not an orderer org");
  }

  @Test
  void everyOrdererAndMemberPeerJoinsWithAGenesisBlockOfInNetworkAddresses() throws Exception {
    FabricOperations operations = FabricOperations.on(deployment(), NETWORK, crypto, NodeAddresses.workloads(), Duration.ofSeconds(10));

    byte[] genesis = operations.createChannel("trade");

    List<String> expected = new ArrayList<>();
    NETWORK.ordererOrgs().forEach(org -> org.orderers().forEach(o -> expected.add(org.workload(o.name()))));
    NETWORK.peerOrgs().forEach(org -> org.peers().forEach(p -> expected.add(org.workload(p.name()) + " JoinChain")));
    assertThat(joins).hasSize(7).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(blocks).as("each orderer got the genesis block").hasSize(3).allSatisfy(body ->
        assertThat(new String(body, StandardCharsets.ISO_8859_1)).contains(new String(genesis, StandardCharsets.ISO_8859_1)));
    Payload payload = Payload.parseFrom(Envelope.parseFrom(Block.parseFrom(genesis).getData().getData(0)).getPayload());
    ConfigMetadata raft = ConfigMetadata.parseFrom(ConsensusType.parseFrom(ConfigEnvelope.parseFrom(payload.getData()).getConfig()
        .getChannelGroup().getGroupsOrThrow("Orderer").getValuesOrThrow("ConsensusType").getValue()).getMetadata());
    assertThat(raft.getConsentersList()).extracting(c -> c.getHost() + ":" + c.getPort())
        .as("the consenters at their in-network addresses").allSatisfy(address -> assertThat(address).doesNotStartWith("127.0.0.1"));
  }

  @Test
  void anOrdererThatIsDownIsNamedByOrgAndNameWithTheCallAndTheAddressTried() throws Exception {
    String orderer1 = NETWORK.ordererOrgs().get(0).workload("orderer1");
    try (ServerSocket vacant = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ports.put(orderer1, vacant.getLocalPort());
    } // closed: nothing listens there any more
    FabricOperations operations = FabricOperations.on(deployment(), NETWORK, crypto, NodeAddresses.workloads(), Duration.ofSeconds(10));

    PlatformException e = assertThrows(PlatformException.class, () -> operations.createChannel("trade"));

    assertThat(e.object()).isEqualTo("orderer1 of ord (orderer 127.0.0.1:" + ports.get(orderer1) + ")");
    assertThat(e.getMessage()).startsWith("Failed to join channel").contains("orderer1 of ord").contains("ConnectException");
  }

  @Test
  void joinsWaitForTheChannelTimeoutNotTheCallTimeout() {
    String orderer0 = NETWORK.ordererOrgs().get(0).workload("orderer0");
    silent.add(orderer0);
    FabricTimeouts timeouts = FabricTimeouts.of(Duration.ofMinutes(5)).withChannel(Duration.ofMillis(500));
    FabricOperations operations = FabricOperations.on(deployment(), NETWORK, crypto, NodeAddresses.workloads(), timeouts);

    AwaitTimeoutException e = assertThrows(AwaitTimeoutException.class, () -> operations.createChannel("trade"));

    assertThat(e.timeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(e.awaited()).contains("orderer0 of ord");
  }

  @Test
  void everyTimeoutMustBePositiveAndEachWrongOneIsReported() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> new FabricTimeouts(Duration.ofSeconds(1), Duration.ZERO, null, Duration.ofSeconds(-1)));

    assertThat(e.violations()).extracting(Violation::path).containsExactly("channel", "deploy", "call");
  }
}
