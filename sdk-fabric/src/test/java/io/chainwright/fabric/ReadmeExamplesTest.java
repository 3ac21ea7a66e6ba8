package io.chainwright.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.api.policy.AlertRule;
import io.chainwright.compose.host.HostRuntime;
import io.chainwright.fabric.channel.ChannelGenesis;
import io.chainwright.fabric.client.FabricGateway;
import io.chainwright.fabric.compile.CertificateAlerts;
import io.chainwright.fabric.compile.FabricWorkloads;
import io.chainwright.fabric.crypto.CertificateExpiry;
import io.chainwright.fabric.crypto.NetworkCrypto;
import io.chainwright.fabric.devnet.FabricBinaries;
import io.chainwright.fabric.devnet.FabricDevnet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Fabric examples of the README, exactly as written there, so they keep compiling and running. */
class ReadmeExamplesTest {
  static FabricNetwork trade() {
    // README: fabric-network
    FabricNetwork fabric = FabricNetwork.builder()
        .name("trade")
        .addOrdererOrg(OrdererOrg.builder().name("ord").mspId("OrdererMSP").domain("example.com")
            .addOrderers(Orderer.of("orderer0"), Orderer.of("orderer1"), Orderer.of("orderer2")).build())
        .addPeerOrg(PeerOrg.builder().name("org1").mspId("Org1MSP").domain("org1.example.com")
            .addPeer(Peer.of("peer0")).addAnchorPeer("peer0").addUser("User1").build())
        .addChannel(Channel.builder().name("trade").addMember("org1").build())
        .addChaincode(Chaincode.builder().name("asset").channel("trade")
            .endorsementPolicy("OR('Org1MSP.peer')").image(Image.of("example/asset:1.0")).build())
        .build();
    NetworkCrypto crypto = NetworkCrypto.generate(fabric);      // CAs, MSPs and TLS, in memory
    Network network = FabricWorkloads.toNetwork(fabric, crypto); // orderers, peers, CAs, chaincode servers
    Block genesis = ChannelGenesis.block(fabric, "trade", crypto);
    // README: end
    assertThat(network.workloads()).hasSize(9);
    assertThat(genesis.getHeader().getNumber()).isZero();
    return fabric;
  }

  @Test
  void aNetworkCompilesWithItsCryptoAndGenesis() {
    trade();
  }

  @Test
  void cryptoKeptInADirectoryStoreIsReadBackListedAndRenewed(@TempDir Path dir) {
    FabricNetwork fabric = trade();
    // README: material-store
    MaterialStore store = MaterialStore.directory(dir.resolve("materials")); // 0600 files and a SHA-256 manifest
    NetworkCrypto crypto = NetworkCrypto.load(fabric, store);    // made on the first load, read back on every later one
    Network network = FabricWorkloads.toNetwork(fabric, crypto); // the same bytes on every render
    List<CertificateExpiry> soon = crypto.expiringWithin(Duration.ofDays(30));
    NetworkCrypto renewed = crypto.renew("org1", "peer0");      // new keys from the same CAs; render again
    AlertRule expiry = CertificateAlerts.expiring(renewed, Duration.ofDays(30));
    // README: end
    assertThat(FabricWorkloads.toNetwork(fabric, NetworkCrypto.load(fabric, MaterialStore.directory(dir.resolve("materials")))))
        .isNotEqualTo(network)
        .isEqualTo(FabricWorkloads.toNetwork(fabric, renewed));
    assertThat(soon).isEmpty();
    assertThat(renewed.org("org1").ca().certificate()).isEqualTo(crypto.org("org1").ca().certificate());
    assertThat(expiry.expression()).contains("trade/peer0.org1.example.com/tls.pem");
  }

  @Test
  void aDevnetRunsThreeRaftOrderersOnRealBinaries() {
    FabricBinaries binaries = FabricBinaries.requireOrSkip();
    FabricNetwork fabric = trade();
    Path peer = binaries.peer();
    Path orderer = binaries.orderer();
    byte[] info;
    // README: fabric-devnet
    HostRuntime runtime = HostRuntime.builder()
        .binary("hyperledger/fabric-peer", peer).binary("hyperledger/fabric-orderer", orderer).build();
    try (FabricDevnet devnet = FabricDevnet.start(fabric, runtime, Duration.ofMinutes(1));
        FabricGateway gateway = devnet.gateway("org1", "User1")) {
      info = gateway.evaluate("trade", "qscc", "GetChainInfo", "trade");
    }
    // README: end
    assertThat(info).isNotEmpty();
  }
}
