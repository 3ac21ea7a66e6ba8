package io.chainwright.l2.opstack;

import io.chainwright.api.Container;
import io.chainwright.api.Dependency;
import io.chainwright.api.DependencyCondition;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Image;
import io.chainwright.api.MetricsEndpoint;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Protocol;
import io.chainwright.api.Resources;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.material.Materials;
import io.chainwright.api.policy.Reach;
import io.chainwright.api.probe.JsonRpcExpectation;
import io.chainwright.api.probe.Probe;
import io.chainwright.api.volume.ConfigVolume;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.ScratchVolume;
import io.chainwright.api.volume.SecretVolume;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.ethereum.common.CustomGenesis;
import io.chainwright.ethereum.common.JwtSecret;
import io.chainwright.l2.L2Labels;
import java.util.List;

/** Turns an {@link OpStackChain} into workloads: the one place that knows how the OP Stack services are wired. */
final class OpStackCompiler {
  static final String IMAGES = "us-docker.pkg.dev/oplabs-tools-artifacts/images/";
  static final Image OP_GETH = Image.of(IMAGES + "op-geth:v1.101511.1");
  static final Image OP_NODE = Image.of(IMAGES + "op-node:v1.13.5");
  static final Image OP_BATCHER = Image.of(IMAGES + "op-batcher:v1.14.0");
  static final Image OP_PROPOSER = Image.of(IMAGES + "op-proposer:v1.10.2");
  static final String ROLE = L2Labels.ROLE;
  /** Batcher and proposer keep nothing but need little. */
  static final Resources SERVICE = Resources.of("250m", "1", "512Mi", "1Gi");

  private OpStackCompiler() {}

  static void compile(OpStackChain c, Network.Builder network, Materials materials) {
    c.l1().orElseThrow().addTo(network, materials);
    if (c.generateJwt()) {
      network.addSecret(JwtSecret.of(c.effectiveJwtSecret(), materials));
    }
    network.addWorkload(geth(c)).addWorkload(node(c));
    c.batcher().ifPresent(b -> network.addWorkload(batcher(c, b)));
    c.proposer().ifPresent(p -> network.addWorkload(proposer(c, p)));
  }

  static Workload geth(OpStackChain c) {
    String name = c.gethWorkload();
    Image image = c.gethImage().orElse(OP_GETH);
    Container.Builder geth = Container.builder().name(name).image(image)
        .args(OpGethFlags.args(c))
        .addPort(Port.builder().name("rpc").number(OpStackPorts.GETH_RPC).exposure(c.rpcExposure()).build())
        .addPort(Port.builder().name("ws").number(OpStackPorts.GETH_WS).exposure(c.rpcExposure()).build())
        .addPort(Port.builder().name("engine").number(OpStackPorts.GETH_ENGINE).internalOnly(true).build())
        .addPort(Port.tcp("metrics", OpStackPorts.GETH_METRICS))
        .addMount(VolumeMount.of("data", OpStackPorts.DATA_DIR))
        .addMount(VolumeMount.readOnly("jwt", JwtSecret.MOUNT_DIR))
        .addMount(VolumeMount.of("tmp", "/tmp"))
        .resources(c.size().execution())
        .readiness(Probe.jsonRpc("rpc", "eth_syncing", JsonRpcExpectation.equalTo("false")))
        .liveness(Probe.tcp("rpc"));
    DataVolume.Builder data = DataVolume.builder().name("data").size(c.effectiveStorage());
    c.storageClass().ifPresent(data::storageClass);
    Workload.Builder w = Workload.builder().name(name).kind(WorkloadKind.STATEFUL)
        .putLabel(ROLE, "execution")
        .addVolume(data.build())
        .addVolume(SecretVolume.of("jwt", c.effectiveJwtSecret()))
        .addVolume(ScratchVolume.of("tmp"))
        .metrics(MetricsEndpoint.of("metrics", "/debug/metrics/prometheus"))
        // Execution-layer peers listen wherever they like.
        .addReaches(Reach.outside());
    c.customRollup().ifPresent(r -> {
      w.addVolume(rollupConfig(r));
      geth.addMount(VolumeMount.readOnly("rollup", OpStackPorts.CONFIG_DIR));
      w.addInitContainer(Container.builder().name("genesis-init").image(image).args(OpGethFlags.initArgs())
          .resources(CustomGenesis.initResources())
          .addMount(VolumeMount.of("data", OpStackPorts.DATA_DIR))
          .addMount(VolumeMount.readOnly("rollup", OpStackPorts.CONFIG_DIR))
          .build());
    });
    return w.addContainer(geth.build()).build();
  }

  static Workload node(OpStackChain c) {
    String name = c.nodeWorkload();
    Container.Builder node = Container.builder().name(name).image(c.nodeImage().orElse(OP_NODE))
        // The OP Stack images name the program as their default command, not as an entrypoint.
        .addCommand("op-node")
        .args(OpNodeFlags.args(c))
        .env(OpNodeFlags.env(c))
        .addPort(Port.tcp("rpc", OpStackPorts.NODE_RPC))
        .addPort(Port.tcp("metrics", OpStackPorts.OP_METRICS))
        .addPort(Port.builder().name("p2p").number(OpStackPorts.NODE_P2P).exposure(c.p2pExposure()).build())
        .addPort(Port.builder().name("p2p-udp").number(OpStackPorts.NODE_P2P).protocol(Protocol.UDP).exposure(c.p2pExposure()).build())
        .addMount(VolumeMount.of("data", OpStackPorts.DATA_DIR))
        .addMount(VolumeMount.readOnly("jwt", JwtSecret.MOUNT_DIR))
        .addMount(VolumeMount.of("tmp", "/tmp"))
        .resources(c.size().consensus())
        .readiness(Probe.jsonRpc("rpc", "optimism_syncStatus", JsonRpcExpectation.anyResult()))
        .liveness(Probe.tcp("rpc"));
    Workload.Builder w = Workload.builder().name(name).kind(WorkloadKind.STATEFUL)
        .putLabel(ROLE, "rollup-node")
        // The peer identity and peer store are small, but must survive restarts.
        .addVolume(DataVolume.of("data", "1Gi"))
        .addVolume(SecretVolume.of("jwt", c.effectiveJwtSecret()))
        .addVolume(ScratchVolume.of("tmp"))
        .metrics(MetricsEndpoint.of("metrics", "/metrics"))
        // Rollup peers listen wherever they like; the L1's URLs may be secret.
        .addReaches(Reach.outside())
        .addAllReaches(c.l1().orElseThrow().reaches())
        .addDependsOn(Dependency.of(c.gethWorkload(), DependencyCondition.STARTED));
    c.customRollup().ifPresent(r -> {
      w.addVolume(rollupConfig(r));
      node.addMount(VolumeMount.readOnly("rollup", OpStackPorts.CONFIG_DIR));
    });
    return w.addContainer(node.build()).build();
  }

  static Workload batcher(OpStackChain c, OpBatcher b) {
    return service(c.batcherWorkload(), "batcher", b.image().orElse(OP_BATCHER), "op-batcher", OpBatcherFlags.args(c, b),
        OpBatcherFlags.env(c, b), OpStackPorts.BATCHER_RPC, c);
  }

  static Workload proposer(OpStackChain c, OpProposer p) {
    return service(c.proposerWorkload(), "proposer", p.image().orElse(OP_PROPOSER), "op-proposer", OpProposerFlags.args(c, p),
        OpProposerFlags.env(c, p), OpStackPorts.PROPOSER_RPC, c);
  }

  /**
   * Batcher and proposer: stateless, one replica (two would post twice), started once the rollup
   * node is ready; both post to the L1.
   */
  private static Workload service(String name, String role, Image image, String program, List<String> args, List<EnvVar> env,
      int rpcPort, OpStackChain c) {
    return Workload.builder().name(name).kind(WorkloadKind.STATELESS).replicas(1)
        .putLabel(ROLE, role)
        .addContainer(Container.builder().name(name).image(image).addCommand(program).args(args).env(env)
            .addPort(Port.tcp("rpc", rpcPort))
            .addPort(Port.tcp("metrics", OpStackPorts.OP_METRICS))
            .addMount(VolumeMount.of("tmp", "/tmp"))
            .resources(SERVICE)
            // The metrics server (enabled by the flags) answers once the service has started; no other health endpoint is used.
            .readiness(Probe.http("metrics", "/metrics"))
            .liveness(Probe.tcp("rpc"))
            .build())
        .addVolume(ScratchVolume.of("tmp"))
        .metrics(MetricsEndpoint.of("metrics", "/metrics"))
        .addAllReaches(c.l1().orElseThrow().reaches())
        .addDependsOn(Dependency.ready(c.nodeWorkload()))
        .build();
  }

  private static ConfigVolume rollupConfig(CustomRollup r) {
    return ConfigVolume.builder().name("rollup").putFile("rollup.json", r.rollupJson()).putFile("genesis.json", r.genesisJson()).build();
  }
}
