package io.chainwright.fabric.client;

import com.google.protobuf.InvalidProtocolBufferException;
import io.chainwright.api.PlatformException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.protos.peer.ApplicationPolicy;
import org.hyperledger.fabric.protos.peer.lifecycle.ApproveChaincodeDefinitionForMyOrgArgs;
import org.hyperledger.fabric.protos.peer.lifecycle.ChaincodeSource;
import org.hyperledger.fabric.protos.peer.lifecycle.CheckCommitReadinessArgs;
import org.hyperledger.fabric.protos.peer.lifecycle.CheckCommitReadinessResult;
import org.hyperledger.fabric.protos.peer.lifecycle.CommitChaincodeDefinitionArgs;
import org.hyperledger.fabric.protos.peer.lifecycle.QueryApprovedChaincodeDefinitionArgs;
import org.hyperledger.fabric.protos.peer.lifecycle.QueryApprovedChaincodeDefinitionResult;
import org.hyperledger.fabric.protos.peer.lifecycle.QueryChaincodeDefinitionArgs;
import org.hyperledger.fabric.protos.peer.lifecycle.QueryChaincodeDefinitionResult;
import org.hyperledger.fabric.protos.peer.lifecycle.QueryChaincodeDefinitionsArgs;
import org.hyperledger.fabric.protos.peer.lifecycle.QueryChaincodeDefinitionsResult;

/**
 * A channel's chaincode lifecycle ({@code _lifecycle}) through the Gateway: approve a definition
 * for the gateway identity's org, check which orgs approved, commit, and read committed definitions.
 *
 * <pre>{@code
 * Lifecycle lifecycle = gateway.lifecycle("mychannel");
 * ChaincodeDefinition basic = ChaincodeDefinition.of("basic", "1.0", 1).withPackageId(installed.packageId());
 * lifecycle.approveForMyOrg(basic);
 * if (lifecycle.commitReadiness(basic).values().stream().allMatch(approved -> approved)) {
 *   lifecycle.commit(basic);
 * }
 * }</pre>
 */
public final class Lifecycle {
  private static final String LIFECYCLE = "_lifecycle";
  /** Fabric's default plugins; approvals and commits must name the same ones. */
  private static final String ENDORSEMENT_PLUGIN = "escc";
  private static final String VALIDATION_PLUGIN = "vscc";

  private final FabricGateway gateway;
  private final String channel;

  Lifecycle(FabricGateway gateway, String channel) {
    this.gateway = gateway;
    this.channel = channel;
  }

  /** Approves {@code definition} for this identity's org; it needs a package id. Endorsed by this org's peers only. */
  public void approveForMyOrg(ChaincodeDefinition definition) {
    String operation = operation("approve", definition);
    String packageId = definition.packageId().orElseThrow(() -> new PlatformException(operation, gateway.node(),
        "the definition names no installed package id"));
    ApproveChaincodeDefinitionForMyOrgArgs args = ApproveChaincodeDefinitionForMyOrgArgs.newBuilder()
        .setName(definition.name())
        .setVersion(definition.version())
        .setSequence(definition.sequence())
        .setEndorsementPlugin(ENDORSEMENT_PLUGIN)
        .setValidationPlugin(VALIDATION_PLUGIN)
        .setValidationParameter(definition.endorsementPolicy().toByteString())
        .setInitRequired(definition.initRequired())
        .setCollections(definition.collectionsPackage())
        .setSource(ChaincodeSource.newBuilder().setLocalPackage(ChaincodeSource.Local.newBuilder().setPackageId(packageId)))
        .build();
    try {
      gateway.submit(lifecycle().newProposal("ApproveChaincodeDefinitionForMyOrg")
          .addArguments(args.toByteArray())
          .setEndorsingOrganizations(gateway.identity().mspId())
          .build()
          .endorse());
    } catch (Exception e) {
      throw Failures.of(operation, gateway.node(), gateway.timeout(), e);
    }
  }

  /** Which orgs have approved {@code definition} as it stands (org MSP id to approved). */
  public Map<String, Boolean> commitReadiness(ChaincodeDefinition definition) {
    String operation = operation("check commit readiness of", definition);
    CheckCommitReadinessArgs args = CheckCommitReadinessArgs.newBuilder()
        .setName(definition.name())
        .setVersion(definition.version())
        .setSequence(definition.sequence())
        .setEndorsementPlugin(ENDORSEMENT_PLUGIN)
        .setValidationPlugin(VALIDATION_PLUGIN)
        .setValidationParameter(definition.endorsementPolicy().toByteString())
        .setInitRequired(definition.initRequired())
        .setCollections(definition.collectionsPackage())
        .build();
    try {
      byte[] result = lifecycle().evaluateTransaction("CheckCommitReadiness", args.toByteArray());
      return Map.copyOf(CheckCommitReadinessResult.parseFrom(result).getApprovalsMap());
    } catch (Exception e) {
      throw Failures.of(operation, gateway.node(), gateway.timeout(), e);
    }
  }

  /**
   * Commits {@code definition} on the channel. The Gateway gathers endorsements to satisfy the
   * channel's lifecycle endorsement policy, or from {@code endorsingOrgs} when given.
   */
  public void commit(ChaincodeDefinition definition, String... endorsingOrgs) {
    String operation = operation("commit", definition);
    CommitChaincodeDefinitionArgs args = CommitChaincodeDefinitionArgs.newBuilder()
        .setName(definition.name())
        .setVersion(definition.version())
        .setSequence(definition.sequence())
        .setEndorsementPlugin(ENDORSEMENT_PLUGIN)
        .setValidationPlugin(VALIDATION_PLUGIN)
        .setValidationParameter(definition.endorsementPolicy().toByteString())
        .setInitRequired(definition.initRequired())
        .setCollections(definition.collectionsPackage())
        .build();
    try {
      var proposal = lifecycle().newProposal("CommitChaincodeDefinition").addArguments(args.toByteArray());
      if (endorsingOrgs.length > 0) {
        proposal.setEndorsingOrganizations(endorsingOrgs);
      }
      gateway.submit(proposal.build().endorse());
    } catch (Exception e) {
      throw Failures.of(operation, gateway.node(), gateway.timeout(), e);
    }
  }

  /** The committed definition of chaincode {@code name}, or empty when none is committed on this channel. */
  public Optional<CommittedChaincode> committed(String name) {
    if (committed().stream().noneMatch(definition -> definition.name().equals(name))) {
      return Optional.empty();
    }
    String operation = "read the committed definition of chaincode " + name + " on channel " + channel + " through";
    try {
      byte[] result = lifecycle().evaluateTransaction("QueryChaincodeDefinition",
          QueryChaincodeDefinitionArgs.newBuilder().setName(name).build().toByteArray());
      QueryChaincodeDefinitionResult definition = QueryChaincodeDefinitionResult.parseFrom(result);
      return Optional.of(new CommittedChaincode(name, definition.getVersion(), definition.getSequence(),
          ApplicationPolicy.parseFrom(definition.getValidationParameter()), definition.getInitRequired(), definition.getApprovalsMap()));
    } catch (Exception e) {
      throw Failures.of(operation, gateway.node(), gateway.timeout(), e);
    }
  }

  /** Every chaincode definition committed on this channel; approvals are not reported here. */
  public List<CommittedChaincode> committed() {
    String operation = "list committed chaincodes on channel " + channel + " through";
    try {
      byte[] result = lifecycle().evaluateTransaction("QueryChaincodeDefinitions",
          QueryChaincodeDefinitionsArgs.getDefaultInstance().toByteArray());
      List<CommittedChaincode> definitions = new ArrayList<>();
      for (QueryChaincodeDefinitionsResult.ChaincodeDefinition definition
          : QueryChaincodeDefinitionsResult.parseFrom(result).getChaincodeDefinitionsList()) {
        definitions.add(new CommittedChaincode(definition.getName(), definition.getVersion(), definition.getSequence(),
            ApplicationPolicy.parseFrom(definition.getValidationParameter()), definition.getInitRequired(), Map.of()));
      }
      return List.copyOf(definitions);
    } catch (InvalidProtocolBufferException e) {
      throw new PlatformException(operation, gateway.node(), "unreadable answer: " + e.getMessage(), e);
    } catch (Exception e) {
      throw Failures.of(operation, gateway.node(), gateway.timeout(), e);
    }
  }

  /**
   * The definition of {@code name} at {@code sequence} that this identity's org approved, with the
   * package it runs from; as the org's peer reports it.
   */
  public ChaincodeDefinition approved(String name, long sequence) {
    String operation = "read the approved definition " + sequence + " of chaincode " + name + " on channel " + channel + " through";
    try {
      byte[] result = lifecycle().evaluateTransaction("QueryApprovedChaincodeDefinition",
          QueryApprovedChaincodeDefinitionArgs.newBuilder().setName(name).setSequence(sequence).build().toByteArray());
      QueryApprovedChaincodeDefinitionResult approved = QueryApprovedChaincodeDefinitionResult.parseFrom(result);
      ApplicationPolicy policy = ApplicationPolicy.parseFrom(approved.getValidationParameter());
      ChaincodeDefinition definition = new ChaincodeDefinition(name, approved.getVersion(), approved.getSequence(), Optional.empty(), policy,
          approved.getInitRequired(), approved.getCollections().getConfigList().stream()
              .map(c -> PrivateCollection.fromProto(c.getStaticCollectionConfig())).toList());
      return approved.getSource().hasLocalPackage() ? definition.withPackageId(approved.getSource().getLocalPackage().getPackageId())
          : definition;
    } catch (InvalidProtocolBufferException e) {
      throw new PlatformException(operation, gateway.node(), "unreadable answer: " + e.getMessage(), e);
    } catch (Exception e) {
      throw Failures.of(operation, gateway.node(), gateway.timeout(), e);
    }
  }

  public String channel() {
    return channel;
  }

  private Contract lifecycle() {
    return gateway.contract(channel, LIFECYCLE);
  }

  private String operation(String verb, ChaincodeDefinition definition) {
    return verb + " chaincode " + definition.name() + " " + definition.version() + " (sequence " + definition.sequence()
        + ") on channel " + channel + " through";
  }
}
