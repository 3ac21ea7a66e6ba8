package io.chainwright.ethereum;

import io.chainwright.api.Container;
import io.chainwright.api.DataVolume;
import io.chainwright.api.Dependency;
import io.chainwright.api.JsonRpcExpectation;
import io.chainwright.api.MetricsEndpoint;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Probe;
import io.chainwright.api.Protocol;
import io.chainwright.api.ScratchVolume;
import io.chainwright.api.Secret;
import io.chainwright.api.SecretVolume;
import io.chainwright.api.VolumeMount;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import java.util.ArrayList;
import java.util.List;

/** Turns an {@link EthereumNode} into model workloads: the one place that knows how the pair is wired. */
final class NodeCompiler {
  /** Beacon health answers 206 while syncing; asking for 503 instead keeps a syncing node out of rotation. */
  static final String CL_READY_PATH = "/eth/v1/node/health?syncing_status=503";
  /** Plain beacon health: 200 synced, 206 syncing, both alive. */
  static final String CL_LIVE_PATH = "/eth/v1/node/health";

  /**
   * Containers run with a read-only root file system; the JVM clients (Besu, Teku) unpack RocksDB's
   * native library into /tmp, so it gets a scratch volume.
   */
  static final String TMP = "/tmp";

  private NodeCompiler() {}

  /** The compiled pair and its secret. */
  record CompiledNode(Workload execution, Workload consensus, Secret jwt) {
    void addTo(Network.Builder network) {
      network.addWorkload(execution).addWorkload(consensus).addSecret(jwt);
    }
  }

  static CompiledNode compile(EthereumNode node) {
    Secret jwt = JwtSecret.fresh(node.jwtSecretName());
    return new CompiledNode(execution(node), consensus(node), jwt);
  }

  // Each container is named like its workload so that Compose calls its service by the workload name, as the CL's engine URL does.
  static Workload execution(EthereumNode node) {
    ExecutionSpec spec = node.execution();
    ExecutionFlags flags = spec.client().flags();
    String workloadName = node.executionWorkload();
    ExecutionContext c = new ExecutionContext(workloadName, spec, node.network(), node.customGenesis(), node.mode());
    List<Port> ports = new ArrayList<>();
    ports.add(Port.builder().name("rpc").number(spec.rpcPort()).exposure(node.rpcExposure()).build());
    if (spec.webSocket() && !flags.webSocketOnRpcPort()) {
      ports.add(Port.builder().name("ws").number(spec.webSocketPort()).exposure(node.rpcExposure()).build());
    }
    ports.add(Port.builder().name("engine").number(spec.enginePort()).internalOnly(true).build());
    ports.add(Port.tcp("metrics", spec.metricsPort()));
    ports.addAll(p2p(spec.p2pPort(), node));
    Container.Builder container = Container.builder()
        .name(workloadName)
        .image(spec.effectiveImage())
        .command(flags.command())
        .args(flags.args(c))
        .addAllArgs(spec.extraArgs())
        .ports(ports)
        .addMount(VolumeMount.of("data", ExecutionContext.DATA_DIR))
        .addMount(VolumeMount.readOnly("jwt", ExecutionContext.JWT_DIR))
        .addMount(VolumeMount.of("tmp", TMP))
        .resources(node.size().execution())
        .readiness(Probe.jsonRpc("rpc", "eth_syncing", JsonRpcExpectation.equalTo("false")))
        .liveness(Probe.tcp("rpc"));
    Workload.Builder workload = Workload.builder()
        .name(node.executionWorkload())
        .kind(WorkloadKind.STATEFUL)
        .putLabel("ethereum.chainwright.io/role", "execution")
        .addVolume(data(node.effectiveExecutionStorage(), node))
        .addVolume(SecretVolume.of("jwt", node.jwtSecretName()))
        .addVolume(ScratchVolume.of("tmp"))
        .metrics(MetricsEndpoint.of("metrics", flags.metricsPath()));
    node.customGenesis().ifPresent(g -> {
      container.addMount(VolumeMount.readOnly(g.volume().name(), CustomGenesis.PATH));
      workload.addVolume(g.volume());
    });
    flags.genesisInit(c).ifPresent(workload::addInitContainer);
    return workload.addContainer(container.build()).build();
  }

  static Workload consensus(EthereumNode node) {
    ConsensusSpec spec = node.consensus();
    ConsensusFlags flags = spec.client().flags();
    String engine = "http://" + node.executionWorkload() + ":" + node.execution().enginePort();
    String workloadName = node.consensusWorkload();
    ConsensusContext c = new ConsensusContext(workloadName, spec, node.network(), node.customGenesis(), engine);
    List<Port> ports = new ArrayList<>();
    ports.add(Port.tcp("http", spec.httpPort()));
    ports.add(Port.tcp("metrics", spec.metricsPort()));
    ports.addAll(p2p(spec.p2pPort(), node));
    Container.Builder container = Container.builder()
        .name(workloadName)
        .image(spec.effectiveImage())
        .command(flags.command())
        .args(flags.args(c))
        .addAllArgs(spec.extraArgs())
        .ports(ports)
        .addMount(VolumeMount.of("data", ConsensusContext.DATA_DIR))
        .addMount(VolumeMount.readOnly("jwt", ExecutionContext.JWT_DIR))
        .addMount(VolumeMount.of("tmp", TMP))
        .resources(node.size().consensus())
        .readiness(Probe.http("http", CL_READY_PATH))
        .liveness(Probe.http("http", CL_LIVE_PATH));
    Workload.Builder workload = Workload.builder()
        .name(node.consensusWorkload())
        .kind(WorkloadKind.STATEFUL)
        .putLabel("ethereum.chainwright.io/role", "consensus")
        .addVolume(data(node.effectiveConsensusStorage(), node))
        .addVolume(SecretVolume.of("jwt", node.jwtSecretName()))
        .addVolume(ScratchVolume.of("tmp"))
        .metrics(MetricsEndpoint.of("metrics", "/metrics"))
        // Started, not ready: the execution client only becomes ready once this client drives its sync.
        .addDependsOn(Dependency.of(node.executionWorkload(), Dependency.Condition.STARTED));
    node.customGenesis().ifPresent(g -> {
      container.addMount(VolumeMount.readOnly(g.volume().name(), CustomGenesis.PATH));
      workload.addVolume(g.volume());
    });
    flags.checkpointInit(c).ifPresent(workload::addInitContainer);
    return workload.addContainer(container.build()).build();
  }

  private static List<Port> p2p(int number, EthereumNode node) {
    return List.of(
        Port.builder().name("p2p").number(number).exposure(node.p2pExposure()).build(),
        Port.builder().name("p2p-udp").number(number).protocol(Protocol.UDP).exposure(node.p2pExposure()).build());
  }

  private static DataVolume data(String size, EthereumNode node) {
    DataVolume.Builder volume = DataVolume.builder().name("data").size(size);
    node.storageClass().ifPresent(volume::storageClass);
    return volume.build();
  }
}
