package io.chainwright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.material.MaterialStore;
import io.chainwright.kubernetes.KubernetesBackend;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Over every example as the Kubernetes backend renders it: each container, init containers included,
 * has requests and limits, each long-running container has a readiness probe, and no host or origin
 * allowlist lets any caller in.
 */
class OperableDefaultsTest {
  private static List<HasMetadata> objects;

  @BeforeAll
  static void render() {
    KubernetesBackend backend = KubernetesBackend.create();
    objects = Examples.all(MaterialStore.inMemory()).stream().flatMap(n -> backend.render(n).objects().stream()).toList();
  }

  /** A pod template's owner, whether it runs for good, and its pod spec. */
  private record Pod(String owner, boolean longRunning, PodSpec spec) {}

  private static Stream<Pod> pods() {
    return objects.stream().map(o -> switch (o) {
      case Deployment d -> new Pod(name(o), true, d.getSpec().getTemplate().getSpec());
      case StatefulSet s -> new Pod(name(o), true, s.getSpec().getTemplate().getSpec());
      case DaemonSet d -> new Pod(name(o), true, d.getSpec().getTemplate().getSpec());
      case Job j -> new Pod(name(o), false, j.getSpec().getTemplate().getSpec());
      case CronJob c -> new Pod(name(o), false, c.getSpec().getJobTemplate().getSpec().getTemplate().getSpec());
      default -> null;
    }).filter(p -> p != null);
  }

  private static String name(HasMetadata o) {
    return o.getKind() + " " + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName();
  }

  @Test
  void everyContainerHasRequestsAndLimits() {
    List<String> unbounded = new ArrayList<>();
    pods().forEach(p -> Stream.concat(Stream.ofNullable(p.spec().getInitContainers()).flatMap(List::stream), p.spec().getContainers().stream())
        .filter(c -> !bounded(c.getResources()))
        .forEach(c -> unbounded.add(p.owner() + " container " + c.getName())));

    assertThat(pods().count()).isGreaterThan(50);
    assertThat(unbounded).as("containers without CPU and memory requests and limits").isEmpty();
  }

  @Test
  void everyLongRunningContainerHasAReadinessProbe() {
    List<String> unprobed = new ArrayList<>();
    pods().filter(Pod::longRunning).forEach(p -> p.spec().getContainers().stream().filter(c -> c.getReadinessProbe() == null)
        .map(Container::getName).forEach(c -> unprobed.add(p.owner() + " container " + c)));

    assertThat(unprobed).as("long-running containers without a readiness probe").isEmpty();
  }

  @Test
  void noHostOrOriginAllowlistHoldsAWildcard() {
    List<String> open = new ArrayList<>();
    pods().forEach(p -> Stream.concat(Stream.ofNullable(p.spec().getInitContainers()).flatMap(List::stream), p.spec().getContainers().stream())
        .forEach(c -> Stream.ofNullable(c.getArgs()).flatMap(List::stream)
            .filter(a -> a.matches("--[\\w.-]*(allowlist|vhosts|cors|origin)[\\w.-]*=.*\\*.*"))
            .forEach(a -> open.add(p.owner() + " container " + c.getName() + ": " + a))));

    assertThat(open).as("allowlists that accept any host or origin").isEmpty();
  }

  private static boolean bounded(ResourceRequirements r) {
    return r != null && r.getRequests() != null && r.getLimits() != null
        && r.getRequests().containsKey("cpu") && r.getRequests().containsKey("memory")
        && r.getLimits().containsKey("cpu") && r.getLimits().containsKey("memory");
  }
}
