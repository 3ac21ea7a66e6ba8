package io.chainwright.fabric.client;

import com.google.protobuf.InvalidProtocolBufferException;
import io.chainwright.api.Violations;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.SignaturePolicy;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;
import org.hyperledger.fabric.protos.peer.CollectionConfig;
import org.hyperledger.fabric.protos.peer.CollectionPolicyConfig;
import org.hyperledger.fabric.protos.peer.StaticCollectionConfig;

/**
 * A private data collection of a chaincode: which orgs hold its data (any member of them), to how
 * many peers it is sent at least and at most, after how many blocks it expires (0: never), and
 * whether only members may read or write it.
 */
public record PrivateCollection(String name, List<String> memberMspIds, int requiredPeerCount, int maximumPeerCount, long blockToLive,
    boolean memberOnlyRead, boolean memberOnlyWrite) {
  public PrivateCollection {
    Violations v = Violations.root().in("collections", name);
    v.require("name", name == null || name.isBlank() ? null : name);
    if (memberMspIds == null || memberMspIds.isEmpty()) {
      v.add("memberMspIds", "name at least one member org");
    }
    v.range("requiredPeerCount", requiredPeerCount, 0, Integer.MAX_VALUE, "a peer count");
    v.range("maximumPeerCount", maximumPeerCount, Math.max(0, requiredPeerCount), Integer.MAX_VALUE, "a peer count no lower than the required one");
    v.range("blockToLive", blockToLive, 0, Long.MAX_VALUE, "a block count");
    v.throwIfAny();
    memberMspIds = List.copyOf(memberMspIds);
  }

  /** Held by the members of {@code orgs}, sent to at least one peer and at most three, kept for good, members only. */
  public static PrivateCollection of(String name, String... orgs) {
    return new PrivateCollection(name, List.of(orgs), 1, 3, 0, true, true);
  }

  /** A collection as the lifecycle reports it; its member orgs are the MSPs its member policy names. */
  static PrivateCollection fromProto(StaticCollectionConfig config) {
    List<String> members = new ArrayList<>();
    for (MSPPrincipal principal : config.getMemberOrgsPolicy().getSignaturePolicy().getIdentitiesList()) {
      try {
        members.add(MSPRole.parseFrom(principal.getPrincipal()).getMspIdentifier());
      } catch (InvalidProtocolBufferException e) {
        members.add("(unreadable principal)");
      }
    }
    return new PrivateCollection(config.getName(), members, config.getRequiredPeerCount(), config.getMaximumPeerCount(),
        config.getBlockToLive(), config.getMemberOnlyRead(), config.getMemberOnlyWrite());
  }

  /** The collection as the lifecycle writes it: its member orgs as {@code OR('Org1MSP.member', ...)}. */
  CollectionConfig toProto() {
    SignaturePolicyEnvelope.Builder members = SignaturePolicyEnvelope.newBuilder();
    SignaturePolicy.NOutOf.Builder any = SignaturePolicy.NOutOf.newBuilder().setN(1);
    for (int i = 0; i < memberMspIds.size(); i++) {
      members.addIdentities(MSPPrincipal.newBuilder().setPrincipalClassification(MSPPrincipal.Classification.ROLE)
          .setPrincipal(MSPRole.newBuilder().setMspIdentifier(memberMspIds.get(i)).setRole(MSPRole.MSPRoleType.MEMBER).build().toByteString()));
      any.addRules(SignaturePolicy.newBuilder().setSignedBy(i));
    }
    members.setRule(SignaturePolicy.newBuilder().setNOutOf(any));
    return CollectionConfig.newBuilder().setStaticCollectionConfig(StaticCollectionConfig.newBuilder()
        .setName(name)
        .setMemberOrgsPolicy(CollectionPolicyConfig.newBuilder().setSignaturePolicy(members))
        .setRequiredPeerCount(requiredPeerCount).setMaximumPeerCount(maximumPeerCount).setBlockToLive(blockToLive)
        .setMemberOnlyRead(memberOnlyRead).setMemberOnlyWrite(memberOnlyWrite))
        .build();
  }
}
