package io.chainwright.kubernetes;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatusBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRouteStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TCPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TCPRouteStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.UDPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.UDPRouteStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;

/** Plays the controllers the mock server does not have: writes the status that makes an object ready, or failed. */
final class Statuses {
  private static final String CONTROLLER = "example.org/gateway-controller";
  private final KubernetesClient client;

  Statuses(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Waits until {@code rendered} exists. It polls: the mock server's watches do not report an
   * object created after a watch on an empty result began, which is the case here.
   */
  HasMetadata awaitCreated(HasMetadata rendered) {
    for (int i = 0; i < 400; i++) {
      HasMetadata live = client.resource(rendered).get();
      if (live != null) {
        return live;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError(rendered.getKind() + " " + rendered.getMetadata().getName() + " was never created");
  }

  /** Waits until {@code rendered} exists, then writes a ready status into it. */
  void makeReady(HasMetadata rendered) {
    HasMetadata live = awaitCreated(rendered);
    switch (live) {
      case StatefulSet s -> {
        int n = s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas();
        s.setStatus(new StatefulSetStatusBuilder().withReplicas(n).withReadyReplicas(n).withUpdatedReplicas(n)
            .withObservedGeneration(s.getMetadata().getGeneration()).build());
      }
      case Deployment d -> {
        int n = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        d.setStatus(new DeploymentStatusBuilder().withReplicas(n).withAvailableReplicas(n).withUpdatedReplicas(n)
            .withObservedGeneration(d.getMetadata().getGeneration())
            .addNewCondition().withType("Available").withStatus("True").endCondition().build());
      }
      case DaemonSet d -> d.setStatus(new DaemonSetStatusBuilder().withDesiredNumberScheduled(2).withNumberReady(2)
          .withUpdatedNumberScheduled(2).withObservedGeneration(d.getMetadata().getGeneration()).build());
      case Job j -> j.setStatus(new JobStatusBuilder().addNewCondition().withType("Complete").withStatus("True").endCondition().build());
      case PersistentVolumeClaim pvc -> pvc.setStatus(new PersistentVolumeClaimStatusBuilder().withPhase("Bound").build());
      case Service svc -> svc.setStatus(new ServiceStatusBuilder().withNewLoadBalancer().addNewIngress().withIp("203.0.113.7")
          .endIngress().endLoadBalancer().build());
      case Gateway g -> g.setStatus(new GatewayStatusBuilder().addToConditions(condition("Programmed", "True", "Programmed")).build());
      case HTTPRoute r -> r.setStatus(new HTTPRouteStatusBuilder().withParents(accepted(r.getSpec().getParentRefs())).build());
      case GRPCRoute r -> r.setStatus(new GRPCRouteStatusBuilder().withParents(accepted(r.getSpec().getParentRefs())).build());
      case TLSRoute r -> r.setStatus(new TLSRouteStatusBuilder().withParents(accepted(r.getSpec().getParentRefs())).build());
      case TCPRoute r -> r.setStatus(new TCPRouteStatusBuilder().withParents(accepted(r.getSpec().getParentRefs())).build());
      case UDPRoute r -> r.setStatus(new UDPRouteStatusBuilder().withParents(accepted(r.getSpec().getParentRefs())).build());
      case GenericKubernetesResource r -> r.setAdditionalProperty("status",
          Map.of("conditions", List.of(Map.of("type", "Ready", "status", "True"))));
      default -> {
        return;
      }
    }
    client.resource(live).updateStatus();
  }

  /** Writes what a gateway that refuses {@code rendered}, a route, reports: Accepted false, for {@code reason}. */
  void refuseRoute(HTTPRoute rendered, String reason, String message) {
    HTTPRoute live = (HTTPRoute) awaitCreated(rendered);
    live.setStatus(new HTTPRouteStatusBuilder().withParents(live.getSpec().getParentRefs().stream()
        .map(p -> new RouteParentStatusBuilder().withParentRef(p).withControllerName(CONTROLLER)
            .addToConditions(new ConditionBuilder(condition("Accepted", "False", reason)).withMessage(message).build()).build())
        .toList()).build());
    client.resource(live).updateStatus();
  }

  private static List<RouteParentStatus> accepted(List<ParentReference> parents) {
    return parents.stream().map(p -> new RouteParentStatusBuilder().withParentRef(p).withControllerName(CONTROLLER)
        .addToConditions(condition("Accepted", "True", "Accepted"), condition("ResolvedRefs", "True", "ResolvedRefs")).build()).toList();
  }

  private static Condition condition(String type, String status, String reason) {
    return new ConditionBuilder().withType(type).withStatus(status).withReason(reason)
        .withLastTransitionTime("2026-01-01T00:00:00Z").withObservedGeneration(1L).build();
  }

  void failJob(HasMetadata rendered, String message) {
    Job job = (Job) awaitCreated(rendered);
    job.setStatus(new JobStatusBuilder().withFailed(6).addNewCondition().withType("Failed").withStatus("True")
        .withReason("BackoffLimitExceeded").withMessage(message).endCondition().build());
    client.resource(job).updateStatus();
  }
}
