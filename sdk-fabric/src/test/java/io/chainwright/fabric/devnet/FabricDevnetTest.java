package io.chainwright.fabric.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.compose.host.HostRuntime;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.Networks;
import io.chainwright.fabric.client.CommittedChaincode;
import io.chainwright.fabric.client.FabricGateway;
import io.chainwright.fabric.operations.DeployedChaincode;
import io.chainwright.fabric.client.OrdererAdmin;
import io.chainwright.fabric.client.PeerAdmin;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FabricDevnet} on Fabric's real peer and orderer binaries: two orgs with a peer each and
 * one orderer, the channel joined at start, a chaincode deployed through the lifecycle,
 * transactions from each org's user on a Java chaincode server that peers reach over TLS, and a
 * peer killed and started again with its ledger, and the chaincode upgraded to sequence 2.
 */
class FabricDevnetTest {
  @TempDir Path folder;

  @Test
  void startsJoinsDeploysAChaincodeAndCommitsTransactionsOnRealBinaries() throws IOException {
    FabricBinaries binaries = FabricBinaries.requireOrSkip();
    HostRuntime runtime = HostRuntime.builder()
        .binary("hyperledger/fabric-orderer", binaries.orderer())
        .binary("hyperledger/fabric-peer", binaries.peer())
        .stopGrace(Duration.ofSeconds(5))
        .build();

    try (FabricDevnet devnet = FabricDevnet.start(Networks.devnet(), runtime, Duration.ofSeconds(60));
        OrdererAdmin orderer = devnet.ordererAdmin("ord", "orderer0")) {
      assertThat(orderer.channels()).containsExactly("trade");
      try (PeerAdmin peer = devnet.peerAdmin("org2", "peer0")) {
        assertThat(peer.channels()).containsExactly("trade");
      }

      InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), freePort());
      DeployedChaincode deployed = devnet.deployChaincode("kv", "127.0.0.1:" + address.getPort());
      DeployedChaincode.TlsFiles tls = deployed.writeTls(folder);

      try (KvChaincode kv = new KvChaincode(deployed.packageId(), address, tls.certificate(), tls.key());
          FabricGateway org1 = devnet.gateway("org1", "User1");
          FabricGateway org2 = devnet.gateway("org2", "User1")) {
        assertThat(org1.lifecycle("trade").committed("kv")).get().extracting(CommittedChaincode::sequence).isEqualTo(1L);
        assertThat(text(org1.submit("trade", "kv", "put", "colour", "green"))).isEqualTo("green");
        assertThat(text(org2.evaluate("trade", "kv", "get", "colour"))).as("read through the other org's peer").isEqualTo("green");

        DevnetNode peer = devnet.node("org2", "peer0");
        long before = peer.processId().orElseThrow();
        peer.kill();
        assertThat(peer.processId()).isEmpty();
        long printedBefore = Files.size(peer.logFile().orElseThrow());
        peer.start();
        assertThat(peer.processId().orElseThrow()).isNotEqualTo(before);
        try (FabricGateway again = devnet.gateway("org2", "User1")) {
          assertThat(text(again.evaluate("trade", "kv", "get", "colour"))).as("the ledger kept across a crash").isEqualTo("green");
        }
        assertThat(Files.size(peer.logFile().orElseThrow())).as("the second run's output after the first's").isGreaterThan(printedBefore);
        assertThat(printedBefore).isPositive();

        // An upgrade: version 2.0 at sequence 2, served by a new chaincode server; the ledger stays.
        FabricNetwork upgraded = devnet.spec().withChaincodes(devnet.spec().chaincodes().get(0).withVersion("2.0").withSequence(2));
        InetSocketAddress address2 = new InetSocketAddress(InetAddress.getLoopbackAddress(), freePort());
        DeployedChaincode v2 = devnet.operations().withSpec(upgraded).deployChaincode("kv", "127.0.0.1:" + address2.getPort());
        DeployedChaincode.TlsFiles tls2 = v2.writeTls(folder.resolve("v2"));
        try (KvChaincode kv2 = new KvChaincode(v2.packageId(), address2, tls2.certificate(), tls2.key())) {
          assertThat(v2.changes()).endsWith("committed sequence 2 on channel trade");
          assertThat(org1.lifecycle("trade").committed("kv")).get().extracting(CommittedChaincode::version).isEqualTo("2.0");
          assertThat(text(org1.evaluate("trade", "kv", "get", "colour"))).as("the ledger under the new definition").isEqualTo("green");
          assertThat(text(org2.submit("trade", "kv", "put", "colour", "blue"))).isEqualTo("blue");
        }
      }
      assertThat(orderer.channel("trade").height()).as("blocks: genesis, two approvals, commit, put").isGreaterThanOrEqualTo(5);
    }
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
