package io.chainwright.l2.arbitrum;

import io.chainwright.api.Container;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Image;
import io.chainwright.api.MetricsEndpoint;
import io.chainwright.api.Port;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.policy.Reach;
import io.chainwright.api.probe.JsonRpcExpectation;
import io.chainwright.api.probe.Probe;
import io.chainwright.api.tools.FlagList;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.ScratchVolume;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.l2.L2Labels;
import io.chainwright.l2.ParentChain;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a {@link NitroNode} into a workload with Nitro's flags. */
final class NitroCompiler {
  static final Image NITRO = Image.of("offchainlabs/nitro-node:v3.9.5-66e42c4");
  /** The options of that release, as Offchain Labs types them from its {@code --help}. */
  static final FlagList OPTIONS = FlagList.load(NitroCompiler.class, "nitro.flags");
  static final int RPC = 8547;
  static final int WS = 8548;
  static final int METRICS = 6070;
  static final String DATA_DIR = "/home/user/.arbitrum";
  /**
   * Nitro reads configuration from variables with this prefix: '_' stands for '.', '__' for '-',
   * so the parent chain's URLs can come from a secret without appearing in the arguments.
   */
  static final String ENV_PREFIX = "NITRO";

  private NitroCompiler() {}

  static Workload workload(NitroNode n) {
    ParentChain parent = n.parentChain().orElseThrow();
    List<EnvVar> env = new ArrayList<>();
    env.add(parent.rpcEnv(ENV_PREFIX + "_PARENT__CHAIN_CONNECTION_URL"));
    parent.beaconEnv(ENV_PREFIX + "_PARENT__CHAIN_BLOB__CLIENT_BEACON__URL").ifPresent(env::add);
    DataVolume.Builder data = DataVolume.builder().name("data").size(n.storage());
    n.storageClass().ifPresent(data::storageClass);
    return Workload.builder().name(n.name()).kind(WorkloadKind.STATEFUL)
        .putLabel(L2Labels.ROLE, "nitro")
        .addContainer(Container.builder().name(n.name()).image(n.image().orElse(NITRO))
            .args(args(n))
            .env(env)
            .addPort(Port.builder().name("rpc").number(RPC).exposure(n.rpcExposure()).build())
            .addPort(Port.builder().name("ws").number(WS).exposure(n.rpcExposure()).build())
            .addPort(Port.tcp("metrics", METRICS))
            .addMount(VolumeMount.of("data", DATA_DIR))
            .addMount(VolumeMount.of("tmp", "/tmp"))
            .resources(n.size().execution())
            .readiness(Probe.jsonRpc("rpc", "eth_syncing", JsonRpcExpectation.equalTo("false")))
            .liveness(Probe.tcp("rpc"))
            .build())
        .addVolume(data.build())
        .addVolume(ScratchVolume.of("tmp"))
        .metrics(MetricsEndpoint.of("metrics", "/debug/metrics/prometheus"))
        // The sequencer feed and peers are remote, whatever the parent chain is.
        .addReaches(Reach.outside())
        .addAllReaches(parent.reaches())
        .build();
  }

  static List<String> args(NitroNode n) {
    List<String> a = new ArrayList<>();
    a.add("--conf.env-prefix=" + ENV_PREFIX);
    a.add("--chain.id=" + n.chainId());
    n.initFrom().ifPresent(i -> a.add("--init.latest=" + i.name().toLowerCase(Locale.ROOT)));
    if (n.archive()) {
      a.add("--execution.caching.archive");
    }
    a.addAll(List.of("--http.addr=0.0.0.0", "--http.port=" + RPC, "--http.api=net,web3,eth", "--http.vhosts=" + n.name() + ",localhost"));
    a.addAll(List.of("--ws.addr=0.0.0.0", "--ws.port=" + WS, "--ws.api=net,web3,eth"));
    a.addAll(List.of("--metrics", "--metrics-server.addr=0.0.0.0", "--metrics-server.port=" + METRICS));
    a.addAll(n.extraArgs());
    return a;
  }
}
