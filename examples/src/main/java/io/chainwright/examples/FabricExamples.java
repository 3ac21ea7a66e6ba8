package io.chainwright.examples;

import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.fabric.Chaincode;
import io.chainwright.fabric.Channel;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.Orderer;
import io.chainwright.fabric.OrdererOrg;
import io.chainwright.fabric.Peer;
import io.chainwright.fabric.PeerOrg;
import io.chainwright.fabric.StateDatabase;
import io.chainwright.fabric.compile.FabricWorkloads;
import io.chainwright.fabric.crypto.NetworkCrypto;

/** Hyperledger Fabric networks, compiled with crypto material kept in a material store. */
public final class FabricExamples {
  private FabricExamples() {}

  /**
   * A production layout: three Raft orderers, two orgs with two CouchDB peers each, a CA and TLS CA
   * per org, an asset chaincode served by each org, and isolation between them.
   */
  public static FabricNetwork production() {
    return FabricNetwork.builder()
        .name("fabric-production")
        .addOrdererOrg(orderers(3))
        .addPeerOrgs(org(1), org(2))
        .addChannel(Channel.builder().name("assets").addMembers("org1", "org2").build())
        .addChaincode(Chaincode.builder().name("asset").channel("assets")
            .endorsementPolicy("AND('Org1MSP.peer', 'Org2MSP.peer')")
            .image(Image.of("example/asset-transfer:1.0")).build())
        .build();
  }

  /** A consortium of four orgs with two peers each on one channel, ordered by three orderers. */
  public static FabricNetwork consortium() {
    return FabricNetwork.builder()
        .name("fabric-consortium")
        .addOrdererOrg(orderers(3))
        .addPeerOrgs(org(1), org(2), org(3), org(4))
        .addChannel(Channel.builder().name("trade").addMembers("org1", "org2", "org3", "org4").build())
        .addChaincode(Chaincode.builder().name("trade").channel("trade")
            .endorsementPolicy("OutOf(3, 'Org1MSP.peer', 'Org2MSP.peer', 'Org3MSP.peer', 'Org4MSP.peer')")
            .image(Image.of("example/trade-finance:2.1")).build())
        .build();
  }

  /**
   * The smallest network worth trying on a laptop: one orderer, two orgs with one peer each on
   * channel {@code trade}, state in LevelDB; for {@code FabricDevnet} on local peer and orderer binaries.
   */
  public static FabricNetwork devnet() {
    return FabricNetwork.builder()
        .name("fabric-devnet")
        .addOrdererOrg(orderers(1))
        .addPeerOrgs(devnetOrg(1), devnetOrg(2))
        .addChannel(Channel.builder().name("trade").addMembers("org1", "org2").build())
        .build();
  }

  /** {@code spec} compiled into workloads, its crypto material made once in {@code store} and read back after. */
  public static Network compile(FabricNetwork spec, MaterialStore store) {
    return FabricWorkloads.toNetwork(spec, NetworkCrypto.load(spec, store));
  }

  private static OrdererOrg orderers(int count) {
    OrdererOrg.Builder org = OrdererOrg.builder().name("ord").mspId("OrdererMSP").domain("orderer.example.com");
    for (int i = 0; i < count; i++) {
      org.addOrderer(Orderer.of("orderer" + i));
    }
    return org.build();
  }

  private static PeerOrg devnetOrg(int n) {
    return PeerOrg.builder().name("org" + n).mspId("Org" + n + "MSP").domain("org" + n + ".example.com")
        .addPeer(Peer.of("peer0")).addAnchorPeer("peer0").addUser("User1").build();
  }

  private static PeerOrg org(int n) {
    return PeerOrg.builder().name("org" + n).mspId("Org" + n + "MSP").domain("org" + n + ".example.com")
        .addPeers(Peer.builder().name("peer0").stateDatabase(StateDatabase.COUCHDB).build(),
            Peer.builder().name("peer1").stateDatabase(StateDatabase.COUCHDB).build())
        .addAnchorPeer("peer0")
        .addUser("User1")
        .build();
  }
}
