package io.chainwright.fabric;

/** Valid networks for tests, each the smallest that shows what a test needs. */
public final class Networks {
  private Networks() {}

  /** An orderer org with {@code count} orderers called orderer0, orderer1, ... */
  public static OrdererOrg ordererOrg(int count) {
    OrdererOrg.Builder org = OrdererOrg.builder().name("ord").mspId("OrdererMSP").domain("example.com");
    for (int i = 0; i < count; i++) {
      org.addOrderer(Orderer.of("orderer" + i));
    }
    return org.build();
  }

  /** Peer org {@code n} ({@code org<n>}, {@code Org<n>MSP}) with two peers, peer0 its anchor, and one user. */
  public static PeerOrg peerOrg(int n) {
    return PeerOrg.builder().name("org" + n).mspId("Org" + n + "MSP").domain("org" + n + ".example.com")
        .addPeers(Peer.of("peer0"), Peer.builder().name("peer1").stateDatabase(StateDatabase.COUCHDB).build())
        .addAnchorPeer("peer0")
        .addUser("User1")
        .build();
  }

  /** Three orderers, two peer orgs sharing channel {@code trade}, and chaincode {@code asset} on it. */
  public static FabricNetwork twoOrgs() {
    return FabricNetwork.builder()
        .name("trade")
        .addOrdererOrg(ordererOrg(3))
        .addPeerOrgs(peerOrg(1), peerOrg(2))
        .addChannel(Channel.builder().name("trade").addMembers("org1", "org2").build())
        .addChaincode(Chaincode.builder().name("asset").channel("trade")
            .endorsementPolicy("AND('Org1MSP.peer', 'Org2MSP.peer')").build())
        .build();
  }

  /**
   * A devnet small enough to start in seconds: one orderer, orgs org1 and org2 with a peer and a
   * user each, channel {@code trade} between them, and chaincode {@code kv} on it that either org endorses.
   */
  public static FabricNetwork devnet() {
    return FabricNetwork.builder()
        .name("devnet")
        .mode(NetworkMode.DEVNET)
        .addOrdererOrg(ordererOrg(1))
        .addPeerOrgs(devnetOrg(1), devnetOrg(2))
        // Blocks are cut every 250 ms, so a test waits little for its transactions.
        .addChannel(Channel.builder().name("trade").addMembers("org1", "org2").batchTimeout("250ms").build())
        .addChaincode(Chaincode.builder().name("kv").channel("trade").endorsementPolicy("OR('Org1MSP.peer', 'Org2MSP.peer')").build())
        .build();
  }

  private static PeerOrg devnetOrg(int n) {
    return PeerOrg.builder().name("org" + n).mspId("Org" + n + "MSP").domain("org" + n + ".example.com")
        .addPeer(Peer.of("peer0")).addAnchorPeer("peer0").addUser("User1").build();
  }
}
