package io.chainwright.fabric.compile;

import io.chainwright.api.Network;
import io.chainwright.api.policy.IsolationPolicy;
import io.chainwright.fabric.Chaincode;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.FabricOrg;
import io.chainwright.fabric.Orderer;
import io.chainwright.fabric.OrdererOrg;
import io.chainwright.fabric.Peer;
import io.chainwright.fabric.PeerOrg;
import io.chainwright.fabric.chaincode.ChaincodePackage;
import io.chainwright.fabric.crypto.NetworkCrypto;
import io.chainwright.fabric.crypto.OrgCrypto;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Compiles a Fabric network and its crypto material into workloads: each org's CA and TLS CA, its
 * orderers or peers (with CouchDB sidecars where asked), and a chaincode server per member org of
 * each chaincode that names an image. Every node's keys and certificates travel in its own secret.
 *
 * <pre>{@code
 * NetworkCrypto crypto = NetworkCrypto.load(fabric, MaterialStore.directory(Path.of("materials")));
 * Network network = FabricWorkloads.toNetwork(fabric, crypto);
 * }</pre>
 */
public final class FabricWorkloads {
  private FabricWorkloads() {}

  /**
   * A network named after {@code fabric}, holding its workloads and secrets for containers
   * ({@link FabricTarget#containers()}), isolated by {@link FabricIsolation#rules}.
   */
  public static Network toNetwork(FabricNetwork fabric, NetworkCrypto crypto) {
    return toNetwork(fabric, crypto, FabricTarget.containers());
  }

  /** As {@link #toNetwork(FabricNetwork, NetworkCrypto)}, for {@code target}. */
  public static Network toNetwork(FabricNetwork fabric, NetworkCrypto crypto, FabricTarget target) {
    return addTo(Network.builder().name(fabric.name()), fabric, crypto, target)
        .isolation(IsolationPolicy.builder().addAllRules(FabricIsolation.rules(fabric, target)).build())
        .build();
  }

  /** Adds {@code fabric}'s workloads and their secrets, compiled for {@code target}, to {@code network}. */
  public static Network.Builder addTo(Network.Builder network, FabricNetwork fabric, NetworkCrypto crypto, FabricTarget target) {
    for (OrdererOrg org : fabric.ordererOrgs()) {
      OrgCrypto orgCrypto = crypto.org(org.name());
      if (target.imageServices()) {
        addCas(network, fabric, org, orgCrypto);
      }
      for (Orderer orderer : org.orderers()) {
        var nodeCrypto = orgCrypto.node(orderer.name());
        network.addWorkload(OrdererWorkload.compile(fabric, org, orderer, nodeCrypto))
            .addSecret(NodeWorkloads.secret(org.workload(orderer.name()), nodeCrypto.files()));
      }
    }
    for (PeerOrg org : fabric.peerOrgs()) {
      OrgCrypto orgCrypto = crypto.org(org.name());
      if (target.imageServices()) {
        addCas(network, fabric, org, orgCrypto);
      }
      for (Peer peer : org.peers()) {
        var nodeCrypto = orgCrypto.node(peer.name());
        PeerWorkload.Compiled compiled = PeerWorkload.compile(fabric, org, peer, nodeCrypto, target);
        network.addWorkload(compiled.workload())
            .addSecret(NodeWorkloads.secret(org.workload(peer.name()), nodeCrypto.files()));
        compiled.couchDbSecret().ifPresent(network::addSecret);
      }
    }
    for (Chaincode chaincode : fabric.chaincodes()) {
      if (chaincode.image().isEmpty() || !target.imageServices()) {
        continue; // served from outside the network, e.g. by a test or a developer's IDE
      }
      for (PeerOrg org : servingOrgs(fabric, chaincode)) {
        ChaincodeServer.Compiled compiled = ChaincodeServer.compile(org, chaincode, crypto.org(org.name()));
        network.addWorkload(compiled.workload()).addSecret(compiled.tls());
      }
    }
    return network;
  }

  /**
   * The package {@code org}'s peers install for {@code chaincode}, pointing at that org's chaincode
   * server; its id is the one the server is started with.
   */
  public static ChaincodePackage chaincodePackage(FabricNetwork fabric, NetworkCrypto crypto, String org, String chaincode) {
    PeerOrg peerOrg = fabric.peerOrg(org).orElseThrow(() -> new NoSuchElementException(
        "'" + org + "' is not a peer org of network '" + fabric.name() + "'"));
    Chaincode cc = fabric.chaincodes().stream().filter(c -> c.name().equals(chaincode)).findFirst()
        .orElseThrow(() -> new NoSuchElementException("'" + chaincode + "' is not a chaincode of network '" + fabric.name() + "'"));
    return ChaincodeServer.chaincodePackage(peerOrg, cc, crypto.org(org));
  }

  /** The member orgs of the chaincode's channel: each runs its own server for its own peers. */
  static List<PeerOrg> servingOrgs(FabricNetwork fabric, Chaincode chaincode) {
    return fabric.channel(chaincode.channel()).map(fabric::members).orElse(List.of());
  }

  private static void addCas(Network.Builder network, FabricNetwork fabric, FabricOrg org, OrgCrypto crypto) {
    for (CaWorkload.Compiled ca : List.of(CaWorkload.enrollment(fabric, org, crypto), CaWorkload.tls(fabric, org, crypto))) {
      network.addWorkload(ca.workload()).addSecret(ca.crypto()).addSecret(ca.admin());
    }
  }
}
