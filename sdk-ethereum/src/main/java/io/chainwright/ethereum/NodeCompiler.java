package io.chainwright.ethereum;

import io.chainwright.api.Container;
import io.chainwright.api.Dependency;
import io.chainwright.api.DependencyCondition;
import io.chainwright.api.Image;
import io.chainwright.api.MetricsEndpoint;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Protocol;
import io.chainwright.api.Secret;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.material.Materials;
import io.chainwright.api.policy.Reach;
import io.chainwright.api.probe.JsonRpcExpectation;
import io.chainwright.api.probe.Probe;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.ScratchVolume;
import io.chainwright.api.volume.SecretVolume;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.ethereum.cl.ConsensusContext;
import io.chainwright.ethereum.cl.ConsensusFlags;
import io.chainwright.ethereum.cl.ConsensusSpec;
import io.chainwright.ethereum.common.ContainerLayout;
import io.chainwright.ethereum.common.CustomGenesis;
import io.chainwright.ethereum.common.JwtSecret;
import io.chainwright.ethereum.el.ExecutionContext;
import io.chainwright.ethereum.el.ExecutionFlags;
import io.chainwright.ethereum.el.ExecutionSpec;
import java.util.ArrayList;
import java.util.List;

/** Turns an {@link EthereumNode} into model workloads: the one place that knows how the pair is wired. */
final class NodeCompiler {
  /** Beacon health answers 206 while syncing; asking for 503 instead keeps a syncing node out of rotation. */
  static final String CL_READY_PATH = "/eth/v1/node/health?syncing_status=503";
  /** Plain beacon health: 200 synced, 206 syncing, both alive. */
  static final String CL_LIVE_PATH = "/eth/v1/node/health";


  private NodeCompiler() {}

  /** The compiled pair and its secret. */
  record CompiledNode(Workload execution, Workload consensus, Secret jwt) {
    void addTo(Network.Builder network) {
      network.addWorkload(execution).addWorkload(consensus).addSecret(jwt);
    }
  }

  static CompiledNode compile(EthereumNode node, Materials materials) {
    Secret jwt = JwtSecret.of(node.jwtSecretName(), materials);
    return new CompiledNode(execution(node), consensus(node), jwt);
  }

  // Each container is named like its workload so that Compose calls its service by the workload name, as the CL's engine URL does.
  static Workload execution(EthereumNode node) {
    ExecutionSpec spec = node.execution();
    ExecutionFlags flags = spec.client().flags();
    String workloadName = node.executionWorkload();
    ExecutionContext c = new ExecutionContext(workloadName, spec, node.network(), node.customGenesis(), node.mode(), node.rpcExposure());
    List<Port> ports = new ArrayList<>();
    ports.add(Port.builder().name("rpc").number(spec.rpcPort()).exposure(node.rpcExposure()).build());
    if (spec.webSocket() && !flags.webSocketOnRpcPort()) {
      ports.add(Port.builder().name("ws").number(spec.webSocketPort()).exposure(node.rpcExposure()).build());
    }
    ports.add(Port.builder().name("engine").number(spec.enginePort()).internalOnly(true).build());
    ports.add(Port.tcp("metrics", spec.metricsPort()));
    ports.addAll(p2p(spec.p2pPort(), node));
    Container.Builder container = container(workloadName, spec.effectiveImage(), flags.command(), flags.args(c),
        spec.extraArgs(), ports, ContainerLayout.DATA_DIR)
        .hostAllowlistFlags(flags.hostAllowlistFlags())
        .resources(node.size().execution())
        .readiness(Probe.jsonRpc("rpc", "eth_syncing", JsonRpcExpectation.equalTo("false")))
        .liveness(Probe.tcp("rpc"));
    Workload.Builder workload = workload(workloadName, "execution", node.effectiveExecutionStorage(), node, flags.metricsPath());
    spec.ancientStorage().ifPresent(size -> {
      DataVolume.Builder ancient = DataVolume.builder().name("ancient").size(size);
      spec.ancientStorageClass().or(node::storageClass).ifPresent(ancient::storageClass);
      workload.addVolume(ancient.build());
      container.addMount(VolumeMount.of("ancient", ContainerLayout.ANCIENT_DIR));
    });
    flags.genesisInit(c).ifPresent(workload::addInitContainer);
    return finish(workload, container, node);
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
    Container.Builder container = container(workloadName, spec.effectiveImage(), flags.command(), flags.args(c),
        spec.extraArgs(), ports, ContainerLayout.DATA_DIR)
        .hostAllowlistFlags(flags.hostAllowlistFlags())
        .resources(node.size().consensus())
        .readiness(Probe.http("http", CL_READY_PATH))
        .liveness(Probe.http("http", CL_LIVE_PATH));
    Workload.Builder workload = workload(workloadName, "consensus", node.effectiveConsensusStorage(), node, "/metrics")
        // Started, not ready: the execution client only becomes ready once this client drives its sync.
        .addDependsOn(Dependency.of(node.executionWorkload(), DependencyCondition.STARTED));
    flags.checkpointInit(c).ifPresent(workload::addInitContainer);
    return finish(workload, container, node);
  }

  /** What every client container has: its command line and ports, and the data, JWT and scratch mounts. */
  private static Container.Builder container(String name, Image image, List<String> command, List<String> args,
      List<String> extraArgs, List<Port> ports, String dataDir) {
    return Container.builder()
        .name(name)
        .image(image)
        .command(command)
        .args(args)
        .addAllArgs(extraArgs)
        .ports(ports)
        .addMount(VolumeMount.of("data", dataDir))
        .addMount(VolumeMount.readOnly("jwt", JwtSecret.MOUNT_DIR))
        .addMount(VolumeMount.of("tmp", ContainerLayout.TMP));
  }

  /**
   * What every client workload has: a stateful kind, its role label, data, JWT and scratch volumes,
   * metrics, and a way out: peers listen on ports of their own choosing, and checkpoint servers and
   * bootnodes are remote too.
   */
  private static Workload.Builder workload(String name, String role, String storage, EthereumNode node, String metricsPath) {
    return Workload.builder()
        .name(name)
        .kind(WorkloadKind.STATEFUL)
        .putLabel("ethereum.chainwright.io/role", role)
        .addVolume(data(storage, node))
        .addVolume(SecretVolume.of("jwt", node.jwtSecretName()))
        .addVolume(ScratchVolume.of("tmp"))
        .metrics(MetricsEndpoint.of("metrics", metricsPath))
        .addReaches(Reach.outside());
  }

  /** Mounts a custom genesis where the network has one, and adds the container. */
  private static Workload finish(Workload.Builder workload, Container.Builder container, EthereumNode node) {
    node.customGenesis().ifPresent(g -> {
      container.addMount(VolumeMount.readOnly(g.volume().name(), CustomGenesis.PATH));
      workload.addVolume(g.volume());
    });
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
