package io.chainwright.fabric.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.gateway.CommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.CommitStatusResponse;
import org.hyperledger.fabric.protos.gateway.EndorseRequest;
import org.hyperledger.fabric.protos.gateway.EndorseResponse;
import org.hyperledger.fabric.protos.gateway.EvaluateRequest;
import org.hyperledger.fabric.protos.gateway.EvaluateResponse;
import org.hyperledger.fabric.protos.gateway.GatewayGrpc;
import org.hyperledger.fabric.protos.gateway.SignedCommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.SubmitRequest;
import org.hyperledger.fabric.protos.gateway.SubmitResponse;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.hyperledger.fabric.protos.peer.lifecycle.ApproveChaincodeDefinitionForMyOrgArgs;
import org.hyperledger.fabric.protos.peer.lifecycle.CheckCommitReadinessArgs;
import org.hyperledger.fabric.protos.peer.lifecycle.CheckCommitReadinessResult;
import org.hyperledger.fabric.protos.peer.lifecycle.CommitChaincodeDefinitionArgs;
import org.hyperledger.fabric.protos.peer.lifecycle.InstallChaincodeArgs;
import org.hyperledger.fabric.protos.peer.lifecycle.InstallChaincodeResult;
import org.hyperledger.fabric.protos.peer.lifecycle.QueryChaincodeDefinitionArgs;
import org.hyperledger.fabric.protos.peer.lifecycle.QueryChaincodeDefinitionResult;
import org.hyperledger.fabric.protos.peer.lifecycle.QueryChaincodeDefinitionsResult;
import org.hyperledger.fabric.protos.peer.lifecycle.QueryInstalledChaincodesResult;

/**
 * The chaincode lifecycle of one channel as its peers keep it, for tests without peer binaries:
 * installs per peer (a second install of a package is refused, as a peer does), approvals per org
 * and sequence, committed definitions. It follows the lifecycle's rules as Fabric documents them:
 * an org approves the next sequence, or the committed one unchanged (an org that joined later); a
 * commit needs the next sequence and the approval of a majority of the channel's orgs. Its Gateway
 * service endorses lifecycle calls, applies them when the transaction is submitted, and reports
 * them valid; every call is recorded as {@code <msp> <function>}.
 */
final class StandInLifecycle {
  final List<String> calls = new CopyOnWriteArrayList<>();
  private final Set<String> channelOrgs = ConcurrentHashMap.newKeySet();
  private final Map<String, Map<String, String>> installed = new ConcurrentHashMap<>();
  /** Approved definitions (as commit arguments, so the package is left out) by chaincode, sequence and org. */
  private final Map<String, CommitChaincodeDefinitionArgs> approvals = new ConcurrentHashMap<>();
  private final Map<String, CommitChaincodeDefinitionArgs> committed = new ConcurrentHashMap<>();
  private final Map<String, Runnable> pending = new ConcurrentHashMap<>();

  StandInLifecycle(Set<String> channelOrgs) {
    this.channelOrgs.addAll(channelOrgs);
  }

  /** {@code msp} is now an org of the channel (a config update added it). */
  void orgJoined(String msp) {
    channelOrgs.add(msp);
  }

  /** {@code msp} is no longer an org of the channel. */
  void orgLeft(String msp) {
    channelOrgs.remove(msp);
  }

  /** A peer's own {@code _lifecycle} calls: install and list installed packages. */
  ByteString peerCall(String workload, String function, ByteString args) throws Exception {
    Map<String, String> packages = installed.computeIfAbsent(workload, w -> new ConcurrentHashMap<>());
    return switch (function) {
      case "InstallChaincode" -> {
        byte[] pkg = InstallChaincodeArgs.parseFrom(args).getChaincodeInstallPackage().toByteArray();
        String label = label(pkg);
        String id = label + ":" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pkg));
        if (packages.putIfAbsent(id, label) != null) {
          throw new IllegalStateException("chaincode already successfully installed (package ID '" + id + "')");
        }
        calls.add(workload + " InstallChaincode " + id);
        yield InstallChaincodeResult.newBuilder().setPackageId(id).setLabel(label).build().toByteString();
      }
      case "QueryInstalledChaincodes" -> {
        QueryInstalledChaincodesResult.Builder result = QueryInstalledChaincodesResult.newBuilder();
        new TreeMap<>(packages).forEach((id, label) -> result.addInstalledChaincodes(
            QueryInstalledChaincodesResult.InstalledChaincode.newBuilder().setPackageId(id).setLabel(label)));
        yield result.build().toByteString();
      }
      default -> null;
    };
  }

  /** The packages installed on the peer run by {@code workload}. */
  Set<String> installedOn(String workload) {
    return Set.copyOf(installed.getOrDefault(workload, Map.of()).keySet());
  }

  GatewayGrpc.GatewayImplBase gateway() {
    return new GatewayGrpc.GatewayImplBase() {
      @Override
      public void evaluate(EvaluateRequest request, StreamObserver<EvaluateResponse> answer) {
        respond(answer, () -> EvaluateResponse.newBuilder().setResult(Response.newBuilder().setStatus(200)
            .setPayload(query(Call.of(request.getProposedTransaction().getProposalBytes())))).build());
      }

      @Override
      public void endorse(EndorseRequest request, StreamObserver<EndorseResponse> answer) {
        respond(answer, () -> {
          Call call = Call.of(request.getProposedTransaction().getProposalBytes());
          pending.put(call.txId(), change(call));
          return EndorseResponse.newBuilder().setPreparedTransaction(prepared(call)).build();
        });
      }

      @Override
      public void submit(SubmitRequest request, StreamObserver<SubmitResponse> answer) {
        respond(answer, () -> {
          pending.remove(request.getTransactionId()).run();
          return SubmitResponse.getDefaultInstance();
        });
      }

      @Override
      public void commitStatus(SignedCommitStatusRequest request, StreamObserver<CommitStatusResponse> answer) {
        respond(answer, () -> {
          CommitStatusRequest.parseFrom(request.getRequest());
          return CommitStatusResponse.newBuilder().setResult(TxValidationCode.VALID).setBlockNumber(1).build();
        });
      }
    };
  }

  private ByteString query(Call call) throws Exception {
    calls.add(call.msp() + " " + call.function());
    return switch (call.function()) {
      case "QueryChaincodeDefinitions" -> {
        QueryChaincodeDefinitionsResult.Builder result = QueryChaincodeDefinitionsResult.newBuilder();
        new TreeMap<>(committed).values().forEach(d -> result.addChaincodeDefinitions(QueryChaincodeDefinitionsResult.ChaincodeDefinition
            .newBuilder().setName(d.getName()).setVersion(d.getVersion()).setSequence(d.getSequence())
            .setValidationParameter(d.getValidationParameter()).setInitRequired(d.getInitRequired())));
        yield result.build().toByteString();
      }
      case "QueryChaincodeDefinition" -> {
        String name = QueryChaincodeDefinitionArgs.parseFrom(call.argument()).getName();
        CommitChaincodeDefinitionArgs d = committed.get(name);
        if (d == null) {
          throw new IllegalStateException("namespace " + name + " is not defined");
        }
        yield QueryChaincodeDefinitionResult.newBuilder().setVersion(d.getVersion()).setSequence(d.getSequence())
            .setValidationParameter(d.getValidationParameter()).setInitRequired(d.getInitRequired())
            .putAllApprovals(approvedBy(d)).build().toByteString();
      }
      case "CheckCommitReadiness" -> {
        // Readiness, approval and commit arguments share fields 1 to 8 in lifecycle.proto; an approval adds its package (9).
        CommitChaincodeDefinitionArgs d = CommitChaincodeDefinitionArgs.parseFrom(
            CheckCommitReadinessArgs.parseFrom(call.argument()).toByteString());
        requireNext(d);
        yield CheckCommitReadinessResult.newBuilder().putAllApprovals(approvedBy(d)).build().toByteString();
      }
      default -> throw new IllegalArgumentException("not a query this stand-in answers: " + call.function());
    };
  }

  /** What an endorsed lifecycle transaction does once submitted; a call the rules refuse fails here, as in a peer's simulation. */
  private Runnable change(Call call) throws Exception {
    calls.add(call.msp() + " " + call.function());
    return switch (call.function()) {
      case "ApproveChaincodeDefinitionForMyOrg" -> {
        CommitChaincodeDefinitionArgs d = CommitChaincodeDefinitionArgs.parseFrom(
            ApproveChaincodeDefinitionForMyOrgArgs.parseFrom(call.argument()).toBuilder().clearSource().build().toByteString());
        CommitChaincodeDefinitionArgs current = committed.get(d.getName());
        if (current == null || current.getSequence() != d.getSequence() || !current.equals(d)) {
          requireNext(d);
        }
        yield () -> approvals.put(approvalKey(d.getName(), d.getSequence(), call.msp()), d);
      }
      case "CommitChaincodeDefinition" -> {
        CommitChaincodeDefinitionArgs d = CommitChaincodeDefinitionArgs.parseFrom(call.argument());
        requireNext(d);
        Map<String, Boolean> approved = approvedBy(d);
        if (approved.values().stream().filter(yes -> yes).count() * 2 <= channelOrgs.size()) {
          throw new IllegalStateException("chaincode definition not agreed to by a majority of orgs: " + approved);
        }
        yield () -> committed.put(d.getName(), d);
      }
      default -> throw new IllegalArgumentException("not a lifecycle call this stand-in endorses: " + call.function());
    };
  }

  private void requireNext(CommitChaincodeDefinitionArgs d) {
    long next = committed.containsKey(d.getName()) ? committed.get(d.getName()).getSequence() + 1 : 1;
    if (d.getSequence() != next) {
      throw new IllegalStateException("requested sequence is " + d.getSequence() + ", but new definition must be sequence " + next);
    }
  }

  private Map<String, Boolean> approvedBy(CommitChaincodeDefinitionArgs d) {
    Map<String, Boolean> approved = new TreeMap<>();
    channelOrgs.forEach(org -> approved.put(org, d.equals(approvals.get(approvalKey(d.getName(), d.getSequence(), org)))));
    return approved;
  }

  private static String approvalKey(String chaincode, long sequence, String org) {
    return chaincode + "/" + sequence + "/" + org;
  }

  /** The transaction a peer prepares: the proposal's header and the chaincode's answer, as the client reads them back. */
  private static Envelope prepared(Call call) {
    ChaincodeAction action = ChaincodeAction.newBuilder().setResponse(Response.newBuilder().setStatus(200)).build();
    ChaincodeActionPayload payload = ChaincodeActionPayload.newBuilder().setChaincodeProposalPayload(call.proposal().getPayload())
        .setAction(ChaincodeEndorsedAction.newBuilder().setProposalResponsePayload(
            ProposalResponsePayload.newBuilder().setExtension(action.toByteString()).build().toByteString())).build();
    Transaction transaction = Transaction.newBuilder().addActions(TransactionAction.newBuilder()
        .setHeader(call.header().getSignatureHeader()).setPayload(payload.toByteString())).build();
    return Envelope.newBuilder().setPayload(Payload.newBuilder().setHeader(call.header()).setData(transaction.toByteString())
        .build().toByteString()).build();
  }

  /** The label in the package's {@code metadata.json}, as a peer reads it. */
  private static String label(byte[] pkg) throws Exception {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(pkg)))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (entry.getName().equals("metadata.json")) {
          return new ObjectMapper().readTree(tar.readAllBytes()).get("label").asText();
        }
      }
    }
    throw new IllegalArgumentException("no metadata.json in the package");
  }

  private static <T> void respond(StreamObserver<T> answer, Answer<T> work) {
    try {
      answer.onNext(work.get());
      answer.onCompleted();
    } catch (Exception e) {
      answer.onError(Status.ABORTED.withDescription(String.valueOf(e.getMessage())).asRuntimeException());
    }
  }

  private interface Answer<T> {
    T get() throws Exception;
  }

  /** A proposal as the stand-in reads it: its creator's org, transaction id, function and argument. */
  private record Call(Proposal proposal, Header header, String msp, String txId, String function, ByteString argument) {
    static Call of(ByteString proposalBytes) throws Exception {
      Proposal proposal = Proposal.parseFrom(proposalBytes);
      Header header = Header.parseFrom(proposal.getHeader());
      String msp = SerializedIdentity.parseFrom(SignatureHeader.parseFrom(header.getSignatureHeader()).getCreator()).getMspid();
      String txId = ChannelHeader.parseFrom(header.getChannelHeader()).getTxId();
      List<ByteString> args = ChaincodeInvocationSpec.parseFrom(ChaincodeProposalPayload.parseFrom(proposal.getPayload()).getInput())
          .getChaincodeSpec().getInput().getArgsList();
      Function<Integer, ByteString> arg = i -> args.size() > i ? args.get(i) : ByteString.EMPTY;
      return new Call(proposal, header, msp, txId, arg.apply(0).toStringUtf8(), arg.apply(1));
    }
  }
}
