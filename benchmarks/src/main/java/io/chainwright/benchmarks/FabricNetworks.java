package io.chainwright.benchmarks;

import io.chainwright.fabric.Channel;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.Orderer;
import io.chainwright.fabric.OrdererOrg;
import io.chainwright.fabric.Peer;
import io.chainwright.fabric.PeerOrg;

/** The Fabric network the benchmarks generate material for: 10 peer orgs of 4 peers and 2 users, 3 orderers, one channel for all. */
final class FabricNetworks {
  static final int PEER_ORGS = 10;
  static final int PEERS = 4;
  static final int USERS = 2;
  static final int ORDERERS = 3;

  private FabricNetworks() {}

  static FabricNetwork tenOrgs() {
    OrdererOrg.Builder ord = OrdererOrg.builder().name("ord").mspId("OrdererMSP").domain("example.com");
    for (int i = 0; i < ORDERERS; i++) {
      ord.addOrderer(Orderer.of("orderer" + i));
    }
    FabricNetwork.Builder network = FabricNetwork.builder().name("bench").addOrdererOrg(ord.build());
    Channel.Builder channel = Channel.builder().name("all");
    for (int o = 1; o <= PEER_ORGS; o++) {
      PeerOrg.Builder org = PeerOrg.builder().name("org" + o).mspId("Org" + o + "MSP").domain("org" + o + ".example.com");
      for (int p = 0; p < PEERS; p++) {
        org.addPeer(Peer.of("peer" + p));
      }
      for (int u = 1; u <= USERS; u++) {
        org.addUser("User" + u);
      }
      network.addPeerOrg(org.addAnchorPeer("peer0").build());
      channel.addMember("org" + o);
    }
    return network.addChannel(channel.build()).build();
  }

  /**
   * Certificates the material holds: per peer org a CA, a TLS CA, and a signing and a TLS
   * certificate for each peer, Admin and user; the same for the orderer org's orderers and Admin.
   */
  static int certificates() {
    return PEER_ORGS * (2 + 2 * (PEERS + 1 + USERS)) + 2 + 2 * (ORDERERS + 1);
  }
}
