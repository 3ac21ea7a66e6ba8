package io.chainwright.fabric.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.compose.host.HostRuntime;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.Networks;
import io.chainwright.fabric.client.FabricGateway;
import io.chainwright.fabric.client.OrdererAdmin;
import io.chainwright.fabric.client.PeerAdmin;
import io.chainwright.fabric.devnet.FabricBinaries;
import io.chainwright.fabric.devnet.FabricDevnet;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/** The JUnit extension on real binaries: one devnet for the class, its clients as parameters. */
@EnabledIf(value = "binariesPresent",
    disabledReason = "Fabric peer and orderer not found in FABRIC_BIN or on PATH; these optional binaries run a real Fabric devnet")
@WithFabricDevnet(readySeconds = 60)
class FabricDevnetExtensionTest {
  static FabricNetwork network = Networks.devnet();
  static HostRuntime runtime = FabricBinaries.find()
      .map(b -> HostRuntime.builder().binary("hyperledger/fabric-peer", b.peer()).binary("hyperledger/fabric-orderer", b.orderer())
          .stopGrace(Duration.ofSeconds(5)).build())
      .orElse(null);

  static boolean binariesPresent() {
    return FabricBinaries.find().isPresent();
  }

  @Test
  void ordererAndPeersHaveJoinedTheChannelWhenTestsStart(@Org("ord") OrdererAdmin orderer, @Org("org2") PeerAdmin peer) {
    assertThat(orderer.channels()).containsExactly("trade");
    assertThat(peer.channels()).containsExactly("trade");
  }

  @Test
  void aGatewayActsAsTheChosenUserOfItsOrg(@Org(value = "org1", user = "User1") FabricGateway gateway, FabricDevnet devnet) {
    assertThat(gateway.identity()).isEqualTo(devnet.identity("org1", "User1"));
    assertThat(gateway.evaluate("trade", "qscc", "GetChainInfo", "trade")).isNotEmpty();
  }
}
