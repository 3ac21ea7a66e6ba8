package io.chainwright.fabric.client;

import io.chainwright.api.Violations;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;
import org.hyperledger.fabric.protos.peer.ApplicationPolicy;
import org.hyperledger.fabric.protos.peer.CollectionConfigPackage;

/**
 * A chaincode definition as orgs approve and commit it on a channel.
 *
 * @param packageId the installed package this org runs it from; only approvals need it
 * @param endorsementPolicy the chaincode's endorsement policy; by default the channel's
 *     {@code /Channel/Application/Endorsement} policy
 */
public record ChaincodeDefinition(String name, String version, long sequence, Optional<String> packageId,
    ApplicationPolicy endorsementPolicy, boolean initRequired, List<PrivateCollection> collections) {
  /** The channel policy a chaincode is endorsed by unless its definition names another. */
  public static final String DEFAULT_ENDORSEMENT_POLICY = "/Channel/Application/Endorsement";

  public ChaincodeDefinition {
    Violations violations = Violations.root();
    violations.require("name", name == null || name.isBlank() ? null : name);
    violations.require("version", version == null || version.isBlank() ? null : version);
    violations.range("sequence", sequence, 1, Long.MAX_VALUE, "a sequence number");
    violations.require("endorsementPolicy", endorsementPolicy);
    packageId = packageId == null ? Optional.empty() : packageId;
    collections = collections == null ? List.of() : List.copyOf(collections);
    violations.unique("collections", collections, PrivateCollection::name);
    violations.throwIfAny();
  }

  /** Definition {@code sequence} of {@code name} at {@code version}, endorsed by the channel's default policy. */
  public static ChaincodeDefinition of(String name, String version, long sequence) {
    return new ChaincodeDefinition(name, version, sequence, Optional.empty(),
        channelPolicy(DEFAULT_ENDORSEMENT_POLICY), false, List.of());
  }

  /** The same, run from the installed package {@code id}. */
  public ChaincodeDefinition withPackageId(String id) {
    return new ChaincodeDefinition(name, version, sequence, Optional.ofNullable(id), endorsementPolicy, initRequired, collections);
  }

  /** The same, endorsed by the channel policy at {@code path}, e.g. {@code /Channel/Application/Endorsement}. */
  public ChaincodeDefinition withChannelPolicy(String path) {
    return new ChaincodeDefinition(name, version, sequence, packageId, channelPolicy(path), initRequired, collections);
  }

  /** The same, endorsed by a signature policy such as {@code OR('Org1MSP.peer','Org2MSP.peer')} in its compiled form. */
  public ChaincodeDefinition withSignaturePolicy(SignaturePolicyEnvelope policy) {
    return new ChaincodeDefinition(name, version, sequence, packageId,
        ApplicationPolicy.newBuilder().setSignaturePolicy(policy).build(), initRequired, collections);
  }

  /** The same, requiring (or not) an {@code Init} call before other transactions. */
  public ChaincodeDefinition withInitRequired(boolean required) {
    return new ChaincodeDefinition(name, version, sequence, packageId, endorsementPolicy, required, collections);
  }

  /** The same, with these private data collections (every org must approve the same ones). */
  public ChaincodeDefinition withCollections(PrivateCollection... privateCollections) {
    return new ChaincodeDefinition(name, version, sequence, packageId, endorsementPolicy, initRequired, List.of(privateCollections));
  }

  /** The collections as the lifecycle's arguments carry them. */
  CollectionConfigPackage collectionsPackage() {
    CollectionConfigPackage.Builder config = CollectionConfigPackage.newBuilder();
    collections.forEach(c -> config.addConfig(c.toProto()));
    return config.build();
  }

  private static ApplicationPolicy channelPolicy(String path) {
    return ApplicationPolicy.newBuilder().setChannelConfigPolicyReference(path == null ? "" : path).build();
  }
}
