package io.chainwright.fabric.operations;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.chainwright.api.Network;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.api.backend.Deployment;
import io.chainwright.api.backend.Teardown;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.compile.FabricPorts;
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
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.EndorserGrpc;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.ProposalResponse;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.SignedProposal;

/**
 * Stand-ins for every node of a network on loopback, each serving its node's own TLS certificate:
 * the orderers' channel participation API (mutual TLS with the orderer org's TLS CA), the peers'
 * endorsers and their Gateway services, which keep the chaincode lifecycle of channel {@code trade}
 * ({@link StandInLifecycle}). They record each join: the orderer's workload, or the peer's workload
 * and the system chaincode function it was asked for.
 */
final class StandInNodes implements AutoCloseable {
  final List<String> joins = new CopyOnWriteArrayList<>();
  final List<byte[]> blocks = new CopyOnWriteArrayList<>();
  /** Where each node's stand-in listens, by workload; a test may point a node elsewhere. */
  final Map<String, Integer> ports = new ConcurrentHashMap<>();
  /** Orderers whose stand-in holds every request until it is closed, longer than any timeout a test sets. */
  final Set<String> silent = ConcurrentHashMap.newKeySet();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final List<AutoCloseable> servers = new ArrayList<>();

  /** The lifecycle of channel {@code trade}, which every peer serves through its endorser and Gateway services. */
  final StandInLifecycle lifecycle;

  private StandInNodes(StandInLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  static StandInNodes start(FabricNetwork network, NetworkCrypto crypto) throws Exception {
    Set<String> tradeOrgs = new TreeSet<>();
    network.channel("trade").ifPresent(trade -> network.members(trade).forEach(org -> tradeOrgs.add(org.mspId())));
    StandInNodes nodes = new StandInNodes(new StandInLifecycle(tradeOrgs));
    for (var org : network.ordererOrgs()) {
      for (var orderer : org.orderers()) {
        String workload = org.workload(orderer.name());
        nodes.ports.put(workload, nodes.ordererAdmin(workload, crypto.org(org.name()).node(orderer.name()).tls(),
            crypto.org(org.name()).tlsCa()));
      }
    }
    for (var org : network.peerOrgs()) {
      for (var peer : org.peers()) {
        String workload = org.workload(peer.name());
        nodes.ports.put(workload, nodes.endorser(workload, crypto.org(org.name()).node(peer.name()).tls()));
      }
    }
    return nodes;
  }

  /**
   * A deployment whose nodes are these stand-ins, reached on loopback as any backend's endpoints
   * would give them; an operations service is a made-up URL naming its workload, which nothing serves.
   */
  Deployment deployment() {
    return new Deployment() {
      @Override
      public Network network() {
        throw new UnsupportedOperationException("not asked here");
      }

      @Override
      public URI endpoint(String workload, String port) {
        return port.equals(FabricPorts.OPERATIONS) ? URI.create("http://127.0.0.1:9443/" + workload)
            : URI.create("https://127.0.0.1:" + ports.get(workload));
      }

      @Override
      public void awaitReady(Duration timeout, ProgressListener listener) {}

      @Override
      public void destroy(Teardown teardown) {}
    };
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
        awaitClose();
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
              String function = args.get(0).toStringUtf8();
              Response.Builder response = Response.newBuilder().setStatus(200);
              try {
                ByteString payload = lifecycle.peerCall(workload, function, args.size() > 1 ? args.get(1) : ByteString.EMPTY);
                if (payload == null) {
                  joins.add(workload + " " + function);
                } else {
                  response.setPayload(payload);
                }
              } catch (IllegalStateException refused) {
                response.setStatus(500).setMessage(refused.getMessage());
              }
              answer.onNext(ProposalResponse.newBuilder().setResponse(response).build());
              answer.onCompleted();
            } catch (Exception e) {
              answer.onError(e);
            }
          }
        })
        .addService(lifecycle.gateway())
        .build().start();
    servers.add(server::shutdownNow);
    return server.getPort();
  }

  private void awaitClose() {
    try {
      closed.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws Exception {
    closed.countDown();
    for (AutoCloseable server : servers) {
      server.close();
    }
  }
}
