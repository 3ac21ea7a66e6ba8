package io.chainwright.fabric.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.google.protobuf.ByteString;
import io.chainwright.api.AwaitTimeoutException;
import io.chainwright.api.PlatformException;
import io.chainwright.api.ValidationException;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.protos.gateway.ChaincodeEventsRequest;
import org.hyperledger.fabric.protos.gateway.ChaincodeEventsResponse;
import org.hyperledger.fabric.protos.gateway.EndorseRequest;
import org.hyperledger.fabric.protos.gateway.EndorseResponse;
import org.hyperledger.fabric.protos.gateway.EvaluateRequest;
import org.hyperledger.fabric.protos.gateway.EvaluateResponse;
import org.hyperledger.fabric.protos.gateway.GatewayGrpc;
import org.hyperledger.fabric.protos.gateway.SignedChaincodeEventsRequest;
import org.hyperledger.fabric.protos.peer.ApplicationPolicy;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.CollectionConfigPackage;
import org.hyperledger.fabric.protos.peer.StaticCollectionConfig;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.lifecycle.ChaincodeSource;
import org.hyperledger.fabric.protos.peer.lifecycle.CheckCommitReadinessArgs;
import org.hyperledger.fabric.protos.peer.lifecycle.CheckCommitReadinessResult;
import org.hyperledger.fabric.protos.peer.lifecycle.QueryApprovedChaincodeDefinitionArgs;
import org.hyperledger.fabric.protos.peer.lifecycle.QueryApprovedChaincodeDefinitionResult;
import org.hyperledger.fabric.protos.peer.lifecycle.QueryChaincodeDefinitionArgs;
import org.hyperledger.fabric.protos.peer.lifecycle.QueryChaincodeDefinitionResult;
import org.hyperledger.fabric.protos.peer.lifecycle.QueryChaincodeDefinitionsResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls through a stand-in Gateway service (no peer binary here): the lifecycle's queries (the
 * committed definition with its endorsement policy and init flag, the definition an org approved
 * with its package and collections), and a call's own organisations and deadline. The stand-in
 * answers evaluations from the arguments the client sent and refuses endorsements, naming the
 * organisations it was asked for.
 */
class GatewayCallsTest {
  private static final ApplicationPolicy MAJORITY = ApplicationPolicy.newBuilder()
      .setChannelConfigPolicyReference("/Channel/Application/Endorsement").build();
  private static final PrivateCollection PRIVATE = new PrivateCollection("prices", List.of("Org1MSP", "Org2MSP"), 1, 2, 100, true, false);
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private volatile CollectionConfigPackage lastCollections;
  private Server server;
  private FabricGateway gateway;

  private final class StandInGateway extends GatewayGrpc.GatewayImplBase {
    @Override
    public void evaluate(EvaluateRequest request, StreamObserver<EvaluateResponse> answer) {
      try {
        Proposal proposal = Proposal.parseFrom(request.getProposedTransaction().getProposalBytes());
        List<ByteString> args = ChaincodeInvocationSpec.parseFrom(ChaincodeProposalPayload.parseFrom(proposal.getPayload()).getInput())
            .getChaincodeSpec().getInput().getArgsList();
        String function = args.get(0).toStringUtf8();
        calls.add(request.getChannelId() + " " + function + " " + request.getTargetOrganizationsList());
        if (function.equals("slow")) {
          Thread.sleep(3000);
        }
        ByteString payload = switch (function) {
          case "QueryChaincodeDefinitions" -> QueryChaincodeDefinitionsResult.newBuilder().addChaincodeDefinitions(
              QueryChaincodeDefinitionsResult.ChaincodeDefinition.newBuilder().setName("asset").setVersion("2.0").setSequence(2)
                  .setValidationParameter(MAJORITY.toByteString()).setInitRequired(true)).build().toByteString();
          case "QueryChaincodeDefinition" -> {
            assertThat(QueryChaincodeDefinitionArgs.parseFrom(args.get(1)).getName()).isEqualTo("asset");
            yield QueryChaincodeDefinitionResult.newBuilder().setVersion("2.0").setSequence(2).setValidationParameter(MAJORITY.toByteString())
                .setInitRequired(true).putApprovals("Org1MSP", true).putApprovals("Org2MSP", false).build().toByteString();
          }
          case "CheckCommitReadiness" -> {
            CheckCommitReadinessArgs readiness = CheckCommitReadinessArgs.parseFrom(args.get(1));
            lastCollections = readiness.getCollections();
            yield CheckCommitReadinessResult.newBuilder().putApprovals("Org1MSP", true).putApprovals("Org2MSP", false).build().toByteString();
          }
          case "QueryApprovedChaincodeDefinition" -> {
            QueryApprovedChaincodeDefinitionArgs query = QueryApprovedChaincodeDefinitionArgs.parseFrom(args.get(1));
            if (query.getSequence() != 3) {
              throw new IllegalStateException("chaincode definition for 'asset' at sequence " + query.getSequence() + " not found");
            }
            yield QueryApprovedChaincodeDefinitionResult.newBuilder().setVersion("3.0").setSequence(3).setValidationParameter(MAJORITY.toByteString())
                .setSource(ChaincodeSource.newBuilder().setLocalPackage(ChaincodeSource.Local.newBuilder().setPackageId("asset_3.0:abc")))
                .setCollections(ChaincodeDefinition.of("asset", "3.0", 3).withCollections(PRIVATE).collectionsPackage())
                .build().toByteString();
          }
          case "get" -> ByteString.copyFromUtf8("value of " + args.get(1).toStringUtf8());
          default -> throw new IllegalArgumentException("not a query this stand-in answers: " + function);
        };
        answer.onNext(EvaluateResponse.newBuilder().setResult(Response.newBuilder().setStatus(200).setPayload(payload)).build());
        answer.onCompleted();
      } catch (Exception e) {
        answer.onError(Status.INVALID_ARGUMENT.withDescription(String.valueOf(e.getMessage())).asRuntimeException());
      }
    }
  }

  /** Endorsements are refused, saying which organisations were asked to endorse. */
  private static final class RefusingEndorse extends GatewayGrpc.GatewayImplBase {
    private final StandInGateway queries;

    RefusingEndorse(StandInGateway queries) {
      this.queries = queries;
    }

    @Override
    public void evaluate(EvaluateRequest request, StreamObserver<EvaluateResponse> answer) {
      queries.evaluate(request, answer);
    }

    @Override
    public void chaincodeEvents(SignedChaincodeEventsRequest signed, StreamObserver<ChaincodeEventsResponse> answer) {
      try {
        ChaincodeEventsRequest request = ChaincodeEventsRequest.parseFrom(signed.getRequest());
        long from = request.getStartPosition().getSpecified().getNumber();
        for (long block = from; block < from + 2; block++) {
          answer.onNext(ChaincodeEventsResponse.newBuilder().setBlockNumber(block).addEvents(
              org.hyperledger.fabric.protos.peer.ChaincodeEvent.newBuilder().setChaincodeId(request.getChaincodeId()).setTxId("tx" + block)
                  .setEventName("Transferred").setPayload(ByteString.copyFromUtf8("asset in block " + block))).build());
        }
      } catch (Exception e) {
        answer.onError(Status.INVALID_ARGUMENT.withDescription(String.valueOf(e.getMessage())).asRuntimeException());
      }
    }

    @Override
    public void endorse(EndorseRequest request, StreamObserver<EndorseResponse> answer) {
      answer.onError(Status.ABORTED.withDescription("endorsing orgs " + request.getEndorsingOrganizationsList()).asRuntimeException());
    }
  }

  @BeforeEach
  void start() throws Exception {
    TestPki.Issued tlsCa = TestPki.ca("tlsca.org1.example.com");
    TestPki.Issued peerTls = TestPki.leaf(tlsCa, "peer0.org1.example.com", List.of("peer0.org1.example.com"), List.of("127.0.0.1"));
    TestPki.Issued user = TestPki.leaf(TestPki.ca("ca.org1.example.com"), "Admin@org1.example.com", List.of(), List.of());
    server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            TlsServerCredentials.newBuilder().keyManager(TestServers.keyManagers(peerTls).getKeyManagers()).build())
        .addService(new RefusingEndorse(new StandInGateway())).build().start();
    gateway = FabricGateway.connect(new Endpoint("127.0.0.1", server.getPort()), ClientTls.trusting(tlsCa.certificate()),
        new FabricIdentity("Org1MSP", user.certificate(), user.key()), Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() {
    gateway.close();
    server.shutdownNow();
  }

  @Test
  void aCallGoesToTheOrganisationsItNamesWithinItsOwnDeadline() {
    byte[] value = gateway.evaluate("trade", "kv", "get", TransactionOptions.endorsedBy("Org2MSP"), "k1");

    assertThat(new String(value, StandardCharsets.UTF_8)).isEqualTo("value of k1");
    assertThat(calls).contains("trade get [Org2MSP]");
    assertThatThrownBy(() -> gateway.evaluate("trade", "kv", "slow", TransactionOptions.defaults().within(Duration.ofMillis(300))))
        .isInstanceOf(AwaitTimeoutException.class).hasMessageContaining("evaluate slow of chaincode kv on channel trade");
    assertThatThrownBy(() -> gateway.submit("trade", "kv", "put", TransactionOptions.endorsedBy("Org1MSP", "Org2MSP"), "k1", "v1"))
        .isInstanceOf(PlatformException.class)
        .hasMessageContaining("submit put of chaincode kv on channel trade").hasMessageContaining("endorsing orgs [")
        .hasMessageContaining("Org1MSP").hasMessageContaining("Org2MSP");
  }

  @Test
  void chaincodeEventsArriveFromTheBlockAskedFor() {
    try (CloseableIterator<ChaincodeEvent> events = gateway.chaincodeEvents("trade", "asset", 5)) {
      ChaincodeEvent first = events.next();
      ChaincodeEvent second = events.next();

      assertThat(first.getBlockNumber()).isEqualTo(5);
      assertThat(first.getEventName()).isEqualTo("Transferred");
      assertThat(new String(first.getPayload(), StandardCharsets.UTF_8)).isEqualTo("asset in block 5");
      assertThat(second.getTransactionId()).isEqualTo("tx6");
    }
  }

  @Test
  void theCommittedDefinitionCarriesItsPolicyItsInitFlagAndWhoApproved() {
    CommittedChaincode asset = gateway.lifecycle("trade").committed("asset").orElseThrow();

    assertThat(asset.version()).isEqualTo("2.0");
    assertThat(asset.sequence()).isEqualTo(2);
    assertThat(asset.endorsementPolicy().getChannelConfigPolicyReference()).isEqualTo("/Channel/Application/Endorsement");
    assertThat(asset.initRequired()).isTrue();
    assertThat(asset.approvals()).isEqualTo(Map.of("Org1MSP", true, "Org2MSP", false));
    assertThat(gateway.lifecycle("trade").committed()).singleElement()
        .satisfies(c -> assertThat(c.endorsementPolicy()).isEqualTo(MAJORITY));
    assertThat(calls).contains("trade QueryChaincodeDefinitions []", "trade QueryChaincodeDefinition []");
  }

  @Test
  void collectionsTravelWithTheDefinitionAsMemberOrgPoliciesAndCounts() throws Exception {
    ChaincodeDefinition definition = ChaincodeDefinition.of("asset", "3.0", 3).withCollections(PRIVATE);

    assertThat(gateway.lifecycle("trade").commitReadiness(definition)).isEqualTo(Map.of("Org1MSP", true, "Org2MSP", false));

    StaticCollectionConfig sent = lastCollections.getConfig(0).getStaticCollectionConfig();
    assertThat(sent.getName()).isEqualTo("prices");
    assertThat(sent.getBlockToLive()).isEqualTo(100);
    assertThat(sent.getMemberOnlyWrite()).isFalse();
    assertThat(sent.getMemberOrgsPolicy().getSignaturePolicy().getRule().getNOutOf().getN()).as("any one member org").isEqualTo(1);
    assertThat(sent.getMemberOrgsPolicy().getSignaturePolicy().getIdentitiesList()).extracting(p -> MSPRole.parseFrom(p.getPrincipal()))
        .extracting(MSPRole::getMspIdentifier, MSPRole::getRole)
        .containsExactly(tuple("Org1MSP", MSPRole.MSPRoleType.MEMBER),
            tuple("Org2MSP", MSPRole.MSPRoleType.MEMBER));
    assertThatThrownBy(() -> new PrivateCollection("p", List.of(), 2, 1, 0, true, true)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("memberMspIds").hasMessageContaining("maximumPeerCount");
  }

  @Test
  void theApprovedDefinitionNamesItsPackageAndANextSequenceNotYetApprovedIsReported() {
    ChaincodeDefinition approved = gateway.lifecycle("trade").approved("asset", 3);

    assertThat(approved.version()).isEqualTo("3.0");
    assertThat(approved.packageId()).contains("asset_3.0:abc");
    assertThat(approved.endorsementPolicy()).isEqualTo(MAJORITY);
    assertThat(approved.collections()).containsExactly(PRIVATE);
    assertThatThrownBy(() -> gateway.lifecycle("trade").approved("asset", 4)).isInstanceOf(PlatformException.class)
        .hasMessageContaining("read the approved definition 4 of chaincode asset on channel trade through peer")
        .hasMessageContaining("not found");
  }
}
