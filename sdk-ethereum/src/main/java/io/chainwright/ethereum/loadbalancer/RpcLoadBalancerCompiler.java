package io.chainwright.ethereum.loadbalancer;

import io.chainwright.api.Container;
import io.chainwright.api.Port;
import io.chainwright.api.Resources;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.policy.Reach;
import io.chainwright.api.probe.Probe;
import io.chainwright.api.scheduling.Scheduling;
import io.chainwright.api.scheduling.Topology;
import io.chainwright.api.scheduling.TopologySpread;
import io.chainwright.api.volume.ConfigVolume;
import io.chainwright.api.volume.ScratchVolume;
import io.chainwright.api.volume.SecretVolume;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.ethereum.common.ContainerLayout;
import java.util.List;
import java.util.stream.Stream;

/** Turns an {@link RpcLoadBalancer} into a stateless nginx or Envoy workload spread across zones. */
final class RpcLoadBalancerCompiler {
  private RpcLoadBalancerCompiler() {}

  static Workload compile(RpcLoadBalancer lb) {
    String folder = "/etc/chainwright-" + lb.proxy().program();
    String file = lb.proxy().configFile();
    // The proxy itself rather than the image's entrypoint, whose setup scripts write under /etc.
    Container.Builder proxy = Container.builder().name(lb.name()).image(lb.image().orElse(lb.proxy().defaultImage()))
        .addCommand(lb.proxy().program()).addArgs("-c", folder + "/" + file)
        .addPort(Port.builder().name("http").number(lb.port()).exposure(lb.exposure()).build())
        .addMount(VolumeMount.readOnly("config", folder))
        .addMount(VolumeMount.of("tmp", ContainerLayout.TMP))
        .resources(Resources.of("250m", "1", "128Mi", "256Mi"))
        .readiness(Probe.http("http", "/healthz"))
        .liveness(Probe.http("http", "/healthz"));
    Workload.Builder workload = Workload.builder().name(lb.name()).kind(WorkloadKind.STATELESS).replicas(lb.replicas())
        .putLabel("ethereum.chainwright.io/role", "rpc-load-balancer")
        .addVolume(ConfigVolume.builder().name("config").putFile(file, lb.configuration()).build())
        .addVolume(ScratchVolume.of("tmp"))
        .addAllReaches(Stream.of(lb.upstreams(), lb.archiveUpstreams(), lb.webSocketUpstreams()).flatMap(List::stream)
            .map(Reach::url).distinct().toList())
        .scheduling(Scheduling.builder().addTopologySpread(TopologySpread.of(Topology.ZONE, 1)).build());
    if (!lb.consumers().isEmpty()) {
      proxy.addMount(VolumeMount.readOnly("api-keys", ApiKeys.FOLDER));
      workload.addVolume(SecretVolume.of("api-keys", lb.apiKeysSecretName()));
    }
    return workload.addContainer(proxy.build()).build();
  }
}
