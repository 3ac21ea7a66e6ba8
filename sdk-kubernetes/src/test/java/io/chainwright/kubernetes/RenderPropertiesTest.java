package io.chainwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Container;
import io.chainwright.api.CronSchedule;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Protocol;
import io.chainwright.api.ValidationException;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.exposure.IngressController;
import io.chainwright.api.exposure.IngressExposure;
import io.chainwright.api.exposure.LoadBalancerExposure;
import io.chainwright.api.policy.IsolationPolicy;
import io.chainwright.api.policy.IsolationRule;
import io.chainwright.api.policy.TrafficPeer;
import io.chainwright.api.volume.ConfigVolume;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.ScratchVolume;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.kubernetes.render.YamlWriter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Random networks, valid or not, either fail with a ValidationException or render objects that read back unchanged. */
class RenderPropertiesTest {
  private static final KubernetesSerialization FABRIC8 = new KubernetesSerialization();

  /** A recipe for a network, built inside the property so that invalid ones fail where a user would see it. */
  record Spec(String name, List<WorkloadSpec> workloads, boolean isolated) {}

  record WorkloadSpec(String name, WorkloadKind kind, int replicas, List<PortSpec> ports, int volumes) {}

  record PortSpec(String name, int number, Protocol protocol, int exposure) {}

  @Property(tries = 300)
  void renderingFailsOnlyWithValidationAndWhatItRendersReadsBack(@ForAll("networks") Spec spec) {
    KubernetesRendering rendering;
    try {
      rendering = KubernetesBackend.create().render(build(spec));
    } catch (ValidationException expected) {
      assertThat(expected.violations()).isNotEmpty();
      Statistics.collect("invalid");
      return;
    }
    Statistics.collect("rendered");
    for (HasMetadata o : rendering.objects()) {
      String yaml = YamlWriter.write(o);
      assertThat(YamlWriter.write(FABRIC8.unmarshal(yaml))).isEqualTo(yaml);
    }
    assertThat(KubernetesBackend.create().render(build(spec)).files()).isEqualTo(rendering.files());
  }

  @Property(tries = 300)
  void aGoodShareOfTheRandomNetworksIsValid(@ForAll("networks") Spec spec) {
    boolean valid;
    try {
      KubernetesBackend.create().render(build(spec));
      valid = true;
    } catch (ValidationException e) {
      valid = false;
    }
    Statistics.collect(valid);
    // Otherwise the property above would only ever exercise validation.
    Statistics.coverage(c -> c.check(true).percentage(p -> p >= 25));
  }

  private static Network build(Spec spec) {
    List<Workload> workloads = new ArrayList<>();
    List<IsolationRule> rules = new ArrayList<>();
    for (WorkloadSpec w : spec.workloads()) {
      Container.Builder c = Container.builder().name("main").image(Image.of("example/" + w.name() + ":1"));
      Workload.Builder b = Workload.builder().name(w.name()).kind(w.kind()).replicas(w.replicas());
      for (PortSpec p : w.ports()) {
        c.addPort(Port.builder().name(p.name()).number(p.number()).protocol(p.protocol()).exposure(exposure(p.exposure(), p.name() + "." + w.name())).build());
        rules.add(IsolationRule.allowInto(w.name(), TrafficPeer.namespace("clients"), p.name()));
      }
      for (int v = 0; v < w.volumes(); v++) {
        String name = "vol" + v;
        b.addVolume(switch (v % 3) {
          case 0 -> DataVolume.of(name, (v + 1) + "Gi");
          case 1 -> ScratchVolume.of(name);
          default -> ConfigVolume.builder().name(name).putFile("f.conf", "n = " + v).build();
        });
        c.addMount(VolumeMount.of(name, "/mnt/" + name));
      }
      if (w.kind() == WorkloadKind.CRON_JOB) {
        b.cron(CronSchedule.of("@hourly"));
      }
      workloads.add(b.addContainer(c.build()).build());
    }
    Network.Builder n = Network.builder().name(spec.name()).addAllWorkloads(workloads);
    if (spec.isolated()) {
      n.isolation(IsolationPolicy.builder().addAllRules(rules).build());
    }
    return n.build();
  }

  /** {@code host} names the port among the network's public hosts, for the exposures that publish at one. */
  private static Exposure exposure(int kind, String host) {
    return switch (kind) {
      case 0 -> Exposure.internal();
      case 1 -> Exposure.headless();
      case 2 -> Exposure.nodePort();
      case 3 -> LoadBalancerExposure.builder().build();
      case 4 -> Exposure.gateway("public", host + ".example.org");
      default -> IngressExposure.builder().host("rpc.example.org").tlsIssuer("letsencrypt").controller(IngressController.TRAEFIK).build();
    };
  }

  @Provide
  Arbitrary<Spec> networks() {
    // Mostly valid choices, with enough broken ones that validation is exercised too.
    Arbitrary<String> names = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, Arbitraries.of("a", "node", "rpc-gateway", "x".repeat(50))),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("Bad_Name", "x".repeat(60), "")));
    Arbitrary<PortSpec> ports = Combinators.combine(
        Arbitraries.of("rpc", "p2p", "metrics", "engine", "http", "ws", "grpc", "way-too-long-port-name"),
        Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, Arbitraries.integers().between(1, 65_535)),
            net.jqwik.api.Tuple.of(1, Arbitraries.of(0, 70_000))),
        Arbitraries.of(Protocol.class),
        Arbitraries.integers().between(0, 5)).as(PortSpec::new);
    Arbitrary<WorkloadSpec> workloads = Combinators.combine(
        names, Arbitraries.of(WorkloadKind.class), Arbitraries.integers().between(-1, 5),
        ports.list().ofMaxSize(2), Arbitraries.integers().between(0, 4)).as(WorkloadSpec::new);
    return Combinators.combine(names, workloads.list().ofMaxSize(3), Arbitraries.of(true, false)).as(Spec::new);
  }
}
