package io.chainwright.kubernetes.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TCPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.UDPRoute;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What "ready" means for each kind, and how the latest observation reads in a progress line. */
final class Readiness {
  /**
   * One look at an object.
   *
   * @param state the observation as people read it, e.g. {@code 1/3 ready, 3/3 updated}
   * @param ready whether the awaited state is reached
   * @param failed whether it never will be (a failed job)
   */
  record Observation(String state, boolean ready, boolean failed) {
    static Observation waiting(String state) {
      return new Observation(state, false, false);
    }

    static Observation done(String state) {
      return new Observation(state, true, false);
    }
  }

  private Readiness() {}

  /** True for objects worth waiting on; the rest are ready once applied. */
  static boolean awaited(HasMetadata o) {
    return o instanceof StatefulSet || o instanceof Deployment || o instanceof DaemonSet || o instanceof Job
        || o instanceof PersistentVolumeClaim
        || (o instanceof Service s && "LoadBalancer".equals(s.getSpec().getType()))
        || o instanceof GenericKubernetesResource || o instanceof ServiceMonitor || o instanceof PrometheusRule
        || o instanceof Gateway || o instanceof HTTPRoute || o instanceof GRPCRoute || o instanceof TLSRoute
        || o instanceof TCPRoute || o instanceof UDPRoute;
  }

  /** What an object looks like now, judged against the rendering; {@code live} is null while it does not exist. */
  static Observation observe(HasMetadata live) {
    if (live == null) {
      return Observation.waiting("not created yet");
    }
    return switch (live) {
      case StatefulSet s -> statefulSet(s);
      case Deployment d -> deployment(d);
      case DaemonSet d -> daemonSet(d);
      case Job j -> job(j);
      case PersistentVolumeClaim pvc -> {
        String phase = pvc.getStatus() == null || pvc.getStatus().getPhase() == null ? "Pending" : pvc.getStatus().getPhase();
        yield new Observation("phase " + phase, "Bound".equals(phase), false);
      }
      case Service svc -> {
        boolean hasAddress = svc.getStatus() != null && svc.getStatus().getLoadBalancer() != null
            && svc.getStatus().getLoadBalancer().getIngress() != null && !svc.getStatus().getLoadBalancer().getIngress().isEmpty();
        yield hasAddress
            ? Observation.done("load balancer at " + address(svc))
            : Observation.waiting("no load balancer address yet");
      }
      case GenericKubernetesResource r -> customResource(r);
      case Gateway g -> GatewayReadiness.gateway(g);
      case HTTPRoute r -> GatewayReadiness.route(r.getSpec().getParentRefs(), r.getStatus() == null ? null : r.getStatus().getParents());
      case GRPCRoute r -> GatewayReadiness.route(r.getSpec().getParentRefs(), r.getStatus() == null ? null : r.getStatus().getParents());
      case TLSRoute r -> GatewayReadiness.route(r.getSpec().getParentRefs(), r.getStatus() == null ? null : r.getStatus().getParents());
      case TCPRoute r -> GatewayReadiness.route(r.getSpec().getParentRefs(), r.getStatus() == null ? null : r.getStatus().getParents());
      case UDPRoute r -> GatewayReadiness.route(r.getSpec().getParentRefs(), r.getStatus() == null ? null : r.getStatus().getParents());
      default -> Observation.done("exists");
    };
  }

  private static Observation statefulSet(StatefulSet s) {
    int want = replicas(s.getSpec().getReplicas());
    var st = s.getStatus();
    int ready = st == null ? 0 : orZero(st.getReadyReplicas());
    int updated = st == null ? 0 : orZero(st.getUpdatedReplicas());
    // Replicas below the partition keep the old version on purpose.
    int partition = s.getSpec().getUpdateStrategy() != null && s.getSpec().getUpdateStrategy().getRollingUpdate() != null
        ? orZero(s.getSpec().getUpdateStrategy().getRollingUpdate().getPartition()) : 0;
    int wantUpdated = Math.max(0, want - partition);
    boolean observed = st != null && observedCurrent(s, st.getObservedGeneration());
    String state = ready + "/" + want + " ready, " + updated + "/" + wantUpdated + " updated";
    return new Observation(state, observed && ready >= want && updated >= wantUpdated, false);
  }

  private static Observation deployment(Deployment d) {
    int want = replicas(d.getSpec().getReplicas());
    var st = d.getStatus();
    int available = st == null ? 0 : orZero(st.getAvailableReplicas());
    int updated = st == null ? 0 : orZero(st.getUpdatedReplicas());
    boolean availableCondition = st != null && st.getConditions() != null && st.getConditions().stream()
        .anyMatch((DeploymentCondition c) -> "Available".equals(c.getType()) && "True".equals(c.getStatus()));
    boolean observed = st != null && observedCurrent(d, st.getObservedGeneration());
    String state = available + "/" + want + " available, " + updated + "/" + want + " updated";
    return new Observation(state, observed && availableCondition && available >= want && updated >= want, false);
  }

  private static Observation daemonSet(DaemonSet d) {
    var st = d.getStatus();
    if (st == null || st.getDesiredNumberScheduled() == null) {
      return Observation.waiting("not scheduled yet");
    }
    int want = st.getDesiredNumberScheduled();
    int ready = orZero(st.getNumberReady());
    int updated = orZero(st.getUpdatedNumberScheduled());
    return new Observation(ready + "/" + want + " ready, " + updated + "/" + want + " updated",
        observedCurrent(d, st.getObservedGeneration()) && ready >= want && updated >= want, false);
  }

  private static Observation job(Job j) {
    List<JobCondition> conditions = j.getStatus() == null || j.getStatus().getConditions() == null ? List.of() : j.getStatus().getConditions();
    for (JobCondition c : conditions) {
      if ("True".equals(c.getStatus()) && "Complete".equals(c.getType())) {
        return Observation.done("complete");
      }
      if ("True".equals(c.getStatus()) && "Failed".equals(c.getType())) {
        return new Observation("failed: " + Objects.requireNonNullElse(c.getMessage(), Objects.requireNonNullElse(c.getReason(), "no reason given")), false, true);
      }
    }
    int active = j.getStatus() == null ? 0 : orZero(j.getStatus().getActive());
    int failed = j.getStatus() == null ? 0 : orZero(j.getStatus().getFailed());
    return Observation.waiting(active + " running, " + failed + " failed attempts");
  }

  /** A custom resource with a Ready condition must report it true; one without conditions is ready once it exists. */
  @SuppressWarnings("unchecked")
  private static Observation customResource(GenericKubernetesResource r) {
    Object status = r.getAdditionalProperties().get("status");
    if (status instanceof Map<?, ?> map && map.get("conditions") instanceof List<?> conditions) {
      for (Object c : conditions) {
        if (c instanceof Map<?, ?> condition && "Ready".equals(condition.get("type"))) {
          boolean ready = "True".equals(String.valueOf(condition.get("status")));
          String message = condition.get("message") == null ? "" : ": " + condition.get("message");
          return new Observation("Ready=" + condition.get("status") + message, ready, false);
        }
      }
    }
    return Observation.done("exists");
  }

  private static String address(Service svc) {
    var ingress = svc.getStatus().getLoadBalancer().getIngress().get(0);
    return ingress.getHostname() != null ? ingress.getHostname() : ingress.getIp();
  }

  private static boolean observedCurrent(HasMetadata o, Long observedGeneration) {
    Long generation = o.getMetadata().getGeneration();
    return generation == null || observedGeneration == null || observedGeneration >= generation;
  }

  private static int replicas(Integer replicas) {
    return replicas == null ? 1 : replicas;
  }

  private static int orZero(Integer n) {
    return n == null ? 0 : n;
  }

}
