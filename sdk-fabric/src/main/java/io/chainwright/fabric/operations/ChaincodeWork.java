package io.chainwright.fabric.operations;

import io.chainwright.api.PlatformException;
import io.chainwright.fabric.Chaincode;
import io.chainwright.fabric.Channel;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.Peer;
import io.chainwright.fabric.PeerOrg;
import io.chainwright.fabric.chaincode.ChaincodePackage;
import io.chainwright.fabric.client.ChaincodeDefinition;
import io.chainwright.fabric.client.CommittedChaincode;
import io.chainwright.fabric.client.Endpoint;
import io.chainwright.fabric.client.FabricGateway;
import io.chainwright.fabric.client.PeerAdmin;
import io.chainwright.fabric.crypto.Identity;
import io.chainwright.fabric.crypto.NetworkCrypto;
import io.chainwright.fabric.crypto.OrgCrypto;
import io.chainwright.fabric.policy.PolicyDsl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chaincode work of {@link FabricOperations}: brings a channel to the chaincode definition the
 * model describes, doing only what is missing. A first deploy installs, approves and commits
 * sequence 1; a model one sequence ahead of the channel is an upgrade; a model equal to what is
 * committed only catches up peers without the package and orgs that have not approved it yet (a
 * peer or an org added later), and a second run changes nothing. Each call gets the deploy timeout.
 */
final class ChaincodeWork {
  private static final Logger LOG = LoggerFactory.getLogger(ChaincodeWork.class);

  private final FabricOperations ops;
  private final FabricNetwork spec;
  private final NetworkCrypto crypto;
  private final FabricTimeouts timeouts;

  ChaincodeWork(FabricOperations ops, FabricNetwork spec, NetworkCrypto crypto, FabricTimeouts timeouts) {
    this.ops = ops;
    this.spec = spec;
    this.crypto = crypto;
    this.timeouts = timeouts;
  }

  DeployedChaincode deploy(String chaincode, String address) {
    Chaincode cc = spec.chaincodes().stream().filter(c -> c.name().equals(chaincode)).findFirst()
        .orElseThrow(() -> new NoSuchElementException("'" + chaincode + "' is not a chaincode of network '" + spec.name() + "'"));
    Channel channel = spec.channel(cc.channel()).orElseThrow();
    List<PeerOrg> members = spec.members(channel);
    OrgCrypto issuer = crypto.org(members.get(0).name());
    Identity serverTls = issuer.issueTls(cc.name(), List.of(Endpoint.parse(address).host()));
    ChaincodePackage pkg = ChaincodePackage.builder().label(cc.name() + "_" + cc.version()).address(address)
        .rootCertificatePem(issuer.tlsCa().certificatePem()).build();
    ChaincodeDefinition definition = definition(cc).withPackageId(pkg.packageId());
    String operation = "deploy chaincode " + cc.name() + " " + cc.version() + " (sequence " + cc.sequence() + ")";
    Duration timeout = timeouts.deploy();

    List<String> changes = new ArrayList<>();
    Optional<CommittedChaincode> committed;
    Map<String, Boolean> approvals;
    try (FabricGateway first = ops.gateway(members.get(0).name(), OrgCrypto.ADMIN, timeout)) {
      committed = committed(first, channel, cc, timeout);
      approvals = committed.isPresent() && committed.get().sequence() == cc.sequence()
          ? sameSequence(operation, channel, committed.get(), definition)
          : nextSequence(operation, channel, committed, definition, first);
    }
    for (PeerOrg org : members) {
      for (Peer peer : org.peers()) {
        install(org, peer, pkg, timeout).ifPresent(changes::add);
      }
      if (Boolean.TRUE.equals(approvals.get(org.mspId()))) {
        continue;
      }
      try (FabricGateway gateway = ops.gateway(org.name(), OrgCrypto.ADMIN, timeout)) {
        NodeCalls.whenAvailable("approval of " + cc.name() + " by " + org.mspId(), timeout,
            () -> gateway.lifecycle(channel.name()).approveForMyOrg(definition));
      }
      changes.add("approved by " + org.mspId());
    }
    if (committed.isEmpty() || committed.get().sequence() < cc.sequence()) {
      String[] endorsers = members.stream().map(PeerOrg::mspId).toArray(String[]::new);
      try (FabricGateway gateway = ops.gateway(members.get(0).name(), OrgCrypto.ADMIN, timeout)) {
        NodeCalls.whenAvailable("commit of " + cc.name(), timeout, () -> gateway.lifecycle(channel.name()).commit(definition, endorsers));
      }
      changes.add("committed sequence " + cc.sequence() + " on channel " + channel.name());
    }
    LOG.info("Chaincode {} {} (sequence {}) on channel {}: {}", cc.name(), cc.version(), cc.sequence(), channel.name(),
        changes.isEmpty() ? "already deployed" : String.join(", ", changes));
    return new DeployedChaincode(pkg.packageId(), serverTls, changes);
  }

  /** The definition the model describes; the package id is added once the package is built. */
  private static ChaincodeDefinition definition(Chaincode cc) {
    ChaincodeDefinition definition = ChaincodeDefinition.of(cc.name(), cc.version(), cc.sequence()).withInitRequired(cc.initRequired());
    return cc.endorsementPolicy().map(policy -> definition.withSignaturePolicy(PolicyDsl.envelope(policy))).orElse(definition);
  }

  private static Optional<CommittedChaincode> committed(FabricGateway gateway, Channel channel, Chaincode cc, Duration timeout) {
    List<Optional<CommittedChaincode>> found = new ArrayList<>();
    NodeCalls.whenAvailable("the committed definition of " + cc.name() + " on channel " + channel.name(), timeout,
        () -> found.add(gateway.lifecycle(channel.name()).committed(cc.name())));
    return found.getLast();
  }

  /**
   * The model's sequence is the one committed: the definition must be the same, and only orgs that
   * have not approved it (as the committed definition reports) still approve; nothing is committed.
   */
  private static Map<String, Boolean> sameSequence(String operation, Channel channel, CommittedChaincode committed,
      ChaincodeDefinition definition) {
    List<String> differences = new ArrayList<>();
    if (!committed.version().equals(definition.version())) {
      differences.add("version " + committed.version() + " -> " + definition.version());
    }
    if (!committed.endorsementPolicy().equals(definition.endorsementPolicy())) {
      differences.add("endorsement policy");
    }
    if (committed.initRequired() != definition.initRequired()) {
      differences.add("init required " + committed.initRequired() + " -> " + definition.initRequired());
    }
    if (!differences.isEmpty()) {
      throw new PlatformException(operation, "channel " + channel.name(), "sequence " + committed.sequence()
          + " is committed with a different definition (" + String.join(", ", differences) + "); to upgrade, set the chaincode's sequence to "
          + (committed.sequence() + 1));
    }
    return committed.approvals();
  }

  /**
   * The model is one sequence ahead of the channel (or sequence 1 where nothing is committed): the
   * orgs that have approved this very definition already are left as they are.
   */
  private static Map<String, Boolean> nextSequence(String operation, Channel channel, Optional<CommittedChaincode> committed,
      ChaincodeDefinition definition, FabricGateway gateway) {
    long current = committed.map(CommittedChaincode::sequence).orElse(0L);
    if (definition.sequence() != current + 1) {
      throw new PlatformException(operation, "channel " + channel.name(), (current == 0 ? "nothing is committed yet"
          : "sequence " + current + " (version " + committed.get().version() + ") is committed") + "; the next definition must be sequence "
          + (current + 1));
    }
    return gateway.lifecycle(channel.name()).commitReadiness(definition);
  }

  /** Installs the package on {@code peer} unless it has it; says so when it did. */
  private Optional<String> install(PeerOrg org, Peer peer, ChaincodePackage pkg, Duration timeout) {
    try (PeerAdmin admin = ops.peerAdmin(org.name(), peer.name(), timeout)) {
      if (admin.installed().stream().anyMatch(installed -> installed.packageId().equals(pkg.packageId()))) {
        return Optional.empty();
      }
      admin.install(pkg.bytes());
      return Optional.of("installed " + pkg.packageId() + " on " + peer.name() + " of " + org.name());
    }
  }
}
