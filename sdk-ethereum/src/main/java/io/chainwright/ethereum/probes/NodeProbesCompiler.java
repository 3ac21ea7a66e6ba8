package io.chainwright.ethereum.probes;

import io.chainwright.api.Container;
import io.chainwright.api.MetricsEndpoint;
import io.chainwright.api.Port;
import io.chainwright.api.Resources;
import io.chainwright.api.ScrapeTarget;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.policy.Reach;
import io.chainwright.api.probe.Probe;
import io.chainwright.api.volume.ConfigVolume;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.ethereum.EthereumNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Turns {@link NodeProbes} into a stateless blackbox exporter workload with one scrape target per probe. */
final class NodeProbesCompiler {
  static final String CONF_DIR = "/etc/chainwright-blackbox";
  static final String CONF_FILE = "blackbox.yml";

  private NodeProbesCompiler() {}

  static Workload compile(NodeProbes probes) {
    Container exporter = Container.builder().name(probes.name()).image(probes.image())
        .addCommand("blackbox_exporter")
        .addArgs("--config.file=" + CONF_DIR + "/" + CONF_FILE, "--web.listen-address=:" + probes.port())
        .addPort(Port.tcp("http", probes.port()))
        .addMount(VolumeMount.readOnly("config", CONF_DIR))
        .resources(Resources.of("50m", "250m", "32Mi", "128Mi"))
        // Its own metrics page: the exporter is up and has read its configuration.
        .readiness(Probe.http("http", "/metrics"))
        .liveness(Probe.http("http", "/metrics"))
        .build();
    return Workload.builder().name(probes.name()).kind(WorkloadKind.STATELESS)
        .putLabel("ethereum.chainwright.io/role", "node-probes")
        .addContainer(exporter)
        .addVolume(ConfigVolume.builder().name("config").putFile(CONF_FILE, probes.blackboxConf()).build())
        .metrics(MetricsEndpoint.builder().port("http").path("/probe").intervalSeconds(probes.intervalSeconds())
            .addAllTargets(targets(probes)).build())
        .addAllReaches(Stream.concat(
            probes.nodes().stream().flatMap(n -> Stream.of(Reach.url(n.rpcUrl()), Reach.url(n.beaconApi()))),
            probes.rpcEndpoints().values().stream().map(Reach::url)).distinct().toList())
        .build();
  }

  static List<ScrapeTarget> targets(NodeProbes probes) {
    List<ScrapeTarget> targets = new ArrayList<>();
    for (EthereumNode node : probes.nodes()) {
      for (ProbeModule module : ProbeModule.values()) {
        String workload = module.asksExecutionClient() ? node.executionWorkload() : node.consensusWorkload();
        URI address = module.beaconPath().map(node.beaconApi()::resolve).orElse(node.rpcUrl());
        targets.add(target(module, workload, address));
      }
    }
    probes.rpcEndpoints().forEach((name, url) -> Stream.of(ProbeModule.values()).filter(ProbeModule::asksExecutionClient)
        .forEach(module -> targets.add(target(module, name, url))));
    return targets;
  }

  private static ScrapeTarget target(ProbeModule module, String name, URI address) {
    return ScrapeTarget.of(module.targetOf(name), Map.of("module", module.moduleName(), "target", address.toString()));
  }
}
