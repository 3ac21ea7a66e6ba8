package io.chainwright.ethereum;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.CronSchedule;
import io.chainwright.api.Network;
import io.chainwright.api.NetworkPart;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.policy.MonitoringPolicy;
import io.chainwright.compose.ComposeRenderer;
import io.chainwright.compose.TestTools;
import io.chainwright.compose.host.HostDeployment;
import io.chainwright.compose.host.HostRuntime;
import io.chainwright.ethereum.besu.BesuNetwork;
import io.chainwright.ethereum.cl.ConsensusClient;
import io.chainwright.ethereum.cl.ConsensusSpec;
import io.chainwright.ethereum.client.ContractArtifact;
import io.chainwright.ethereum.client.DeployedContract;
import io.chainwright.ethereum.client.ExecutionRpc;
import io.chainwright.ethereum.client.SyncState;
import io.chainwright.ethereum.common.PublicNetwork;
import io.chainwright.ethereum.common.RpcAccess;
import io.chainwright.ethereum.devnet.AnvilDevnet;
import io.chainwright.ethereum.el.ExecutionClient;
import io.chainwright.ethereum.el.ExecutionSpec;
import io.chainwright.ethereum.loadbalancer.RpcLoadBalancer;
import io.chainwright.ethereum.validator.ValidatorClient;
import io.chainwright.ethereum.validator.ValidatorSpec;
import io.chainwright.ethereum.validator.Validators;
import io.chainwright.ethereum.validator.Web3Signer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;

/** The Ethereum examples proposed for the README, exactly as written there, so they keep compiling and running. */
class ReadmeExamplesTest {
  @Test
  void aMainnetNodeRendersAsCompose() {
    // README: ethereum-node
    Network node = EthereumNode.builder()
        .name("mainnet")
        .network(PublicNetwork.MAINNET)
        .execution(ExecutionSpec.of(ExecutionClient.GETH))
        .consensus(ConsensusSpec.of(ConsensusClient.LIGHTHOUSE, URI.create("https://checkpoint.example.org")))
        .p2pExposure(Exposure.nodePort())
        .build()
        .toNetwork();
    String compose = ComposeRenderer.render(node).composeYaml();
    // README: end

    assertThat(compose).contains("mainnet-geth:", "mainnet-lighthouse:", "--execution-endpoint=http://mainnet-geth:8551");
  }

  @Test
  void anAnvilDevnetMinesBlocks() {
    Path anvil = TestTools.anvil();
    // README: anvil-devnet
    AnvilDevnet devnet = AnvilDevnet.builder().chainId(1337).blockTime(Duration.ofSeconds(1)).build();
    HostRuntime runtime = HostRuntime.builder().binary("anvil", anvil).build();
    SyncState state;
    try (HostDeployment deployment = runtime.deploy(devnet.toNetwork());
        ExecutionRpc rpc = ExecutionRpc.connect(deployment.endpoint("anvil", "rpc"))) {
      deployment.awaitReady(Duration.ofSeconds(30), ProgressListener.logging());
      state = rpc.awaitBlock(2, Duration.ofSeconds(30));
    }
    System.out.println("anvil reached block " + state.currentBlock());
    // README: end

    assertThat(state.currentBlock()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void validatorsSignThroughWeb3Signer() {
    EthereumNode node = Nodes.mainnet(ExecutionClient.GETH, ConsensusClient.LIGHTHOUSE).network(PublicNetwork.HOODI).build();
    String key = "0x" + "a1".repeat(48);
    String feeRecipient = "0x" + "fe".repeat(20);
    // README: ethereum-validators
    Validators staking = Validators.builder()
        .name("staking").network(PublicNetwork.HOODI)
        .web3Signer(Web3Signer.builder().addPublicKeys(key).keystoreSecret("validator-keystores").build())
        .addClient(ValidatorSpec.builder().name("vc-teku").client(ValidatorClient.TEKU).addPublicKeys(key)
            .addBeaconNodes(node.beaconApi()).feeRecipient(feeRecipient).graffiti("chainwright")
            .replicas(2).build())   // two copies, spread across zones: Web3Signer refuses a second signature
        .build();
    Network network = NetworkPart.network("staking", node, staking);   // one network, validated whole
    // README: end

    assertThat(network.workload("web3signer-db")).isPresent();
    assertThat(network.workload("vc-teku").orElseThrow().replicas()).isEqualTo(2);
  }

  @Test
  void aPoolOfNodesBehindTheLoadBalancer() {
    RpcAccess viaBalancer = RpcAccess.builder().addVirtualHost("rpc-lb").build();
    java.util.function.Function<String, EthereumNode> pair = name -> Nodes.mainnet(ExecutionClient.GETH, ConsensusClient.LIGHTHOUSE)
        .name(name).execution(ExecutionSpec.builder().client(ExecutionClient.GETH).access(viaBalancer).webSocket(true).build()).build();
    EthereumNode a = pair.apply("a");
    EthereumNode b = pair.apply("b");
    EthereumNode c = pair.apply("c");
    // README: ethereum-load-balancer
    RpcLoadBalancer lb = RpcLoadBalancer.builder()
        .addUpstreams(a.rpcUrl(), b.rpcUrl())   // each node lists "rpc-lb" among its virtual hosts
        .addArchiveUpstreams(c.rpcUrl())        // debug_ and trace_ calls
        .addWebSocketUpstreams(a.webSocketUrl().orElseThrow())   // a's spec has webSocket(true)
        .rateLimitPerSecond(100).burst(200)
        .build();
    Network pool = lb.addTo(c.addTo(b.addTo(a.addTo(Network.builder().name("rpc-pool"))))).build();
    // README: end

    assertThat(pool.workload("rpc-lb").orElseThrow().kind()).isEqualTo(io.chainwright.api.WorkloadKind.STATELESS);
    assertThat(lb.nginxConf()).contains("server c-geth:8545", "server a-geth:8546");
  }

  @Test
  void maintenanceAlertsAndBesu() {
    EthereumNode node = Nodes.mainnet(ExecutionClient.BESU, ConsensusClient.TEKU).build();
    // README: ethereum-maintenance
    Network watched = node.addTo(Network.builder().name("mainnet"))
        .monitoring(MonitoringPolicy.builder().alerts(node.alertRules()).build())   // not synced, low peers, disk, block lag
        .addBackup(node.backups(CronSchedule.of("0 3 * * *"), 7, "ebs-snapshots"))
        .build();
    Network pruning = node.pruningWindow();   // deploy, await ready (= pruned), then deploy `watched` again
    Network consortium = BesuNetwork.builder().name("consortium").chainId(2026).validators(4).rpcNodes(2).build().toNetwork();
    // README: end

    assertThat(watched.backups()).hasSize(1);
    assertThat(pruning.workload("node-besu").orElseThrow().initContainers()).isNotEmpty();
    assertThat(consortium.workloads()).hasSize(5);
  }

  @Test
  void aContractIsDeployedOnADevnet() {
    Path anvil = TestTools.anvil();
    AnvilDevnet devnet = AnvilDevnet.builder().build();
    HostRuntime runtime = HostRuntime.builder().binary("anvil", anvil).build();
    DeployedContract counter;
    try (HostDeployment deployment = runtime.deploy(devnet.toNetwork())) {
      deployment.awaitReady(Duration.ofSeconds(30), ProgressListener.logging());
      // README: ethereum-contract
      try (ExecutionRpc rpc = ExecutionRpc.connect(deployment.endpoint("anvil", "rpc"))) {
        counter = rpc.sender(devnet.credentials(0))
            .deploy(ContractArtifact.counter(), Duration.ofSeconds(30), new Uint256(1));
        rpc.sender(devnet.credentials(0)).transact(counter.address(),
            new Function("increment", List.of(), List.of()), Duration.ofSeconds(30));
      }
      System.out.println("Counter at " + counter.address() + " in block " + counter.block());
      // README: end
    }
    assertThat(counter.block()).isPositive();
  }
}
