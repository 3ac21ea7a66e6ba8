package io.chainwright.benchmarks;

import io.chainwright.api.Container;
import io.chainwright.api.DisruptionBudget;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Workload;
import io.chainwright.api.policy.IsolationPolicy;
import io.chainwright.api.policy.IsolationRule;
import io.chainwright.api.policy.TrafficPeer;
import io.chainwright.api.volume.ConfigVolume;
import io.chainwright.api.volume.VolumeMount;

/**
 * A large network of near-identical services: each renders a Deployment, a Service, a ConfigMap,
 * a PodDisruptionBudget and an ingress NetworkPolicy.
 */
final class SyntheticNetwork {
  private SyntheticNetwork() {}

  static String name(int i) {
    return String.format("svc-%04d", i);
  }

  static Network of(String name, int workloads, boolean withPolicies) {
    Network.Builder b = Network.builder().name(name);
    IsolationPolicy.Builder isolation = IsolationPolicy.builder();
    for (int i = 0; i < workloads; i++) {
      Workload.Builder w = Workload.builder().name(name(i)).replicas(2)
          .addContainer(Container.builder().name("app").image(Image.of("example/app:1.0"))
              .addArgs("--listen=:8080", "--id=" + i)
              .addPort(Port.tcp("http", 8080))
              .addMount(VolumeMount.readOnly("config", "/config"))
              .build())
          .addVolume(ConfigVolume.builder().name("config").putFile("app.toml", "id = " + i + "\n").build());
      if (withPolicies) {
        w.disruptionBudget(DisruptionBudget.maxUnavailable("1"));
        isolation.addRules(IsolationRule.allowInto(name(i), TrafficPeer.namespace("clients"), "http"));
      }
      b.addWorkload(w.build());
    }
    if (withPolicies) {
      b.isolation(isolation.build());
    }
    return b.build();
  }
}
