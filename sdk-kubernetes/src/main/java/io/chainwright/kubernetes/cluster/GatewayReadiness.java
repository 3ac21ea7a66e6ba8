package io.chainwright.kubernetes.cluster;

import io.chainwright.kubernetes.cluster.Readiness.Observation;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Readiness of Gateway API objects, as their controller reports it: a gateway is ready once
 * Programmed, a route once every gateway it names has Accepted it and resolved its backends. A route
 * a gateway refuses (not allowed by its listeners, no matching host) never becomes ready, and says why.
 */
final class GatewayReadiness {
  /** The one reason a refusal is only for now: the controller has not decided yet. */
  private static final String PENDING = "Pending";

  private GatewayReadiness() {}

  static Observation gateway(Gateway g) {
    List<Condition> conditions = g.getStatus() == null ? null : g.getStatus().getConditions();
    Optional<Condition> programmed = condition(conditions, "Programmed");
    if (programmed.isEmpty()) {
      return Observation.waiting("no gateway controller has programmed it yet");
    }
    Condition p = programmed.get();
    if ("True".equals(p.getStatus())) {
      return Observation.done("programmed");
    }
    return Observation.waiting("not programmed: " + explain(p));
  }

  /** A route of any kind: its parents in the spec, and what each reported in its status. */
  static Observation route(List<ParentReference> parents, List<RouteParentStatus> statuses) {
    List<RouteParentStatus> reported = statuses == null ? List.of() : statuses;
    for (ParentReference parent : parents) {
      String name = describe(parent);
      Optional<RouteParentStatus> status = reported.stream().filter(s -> same(parent, s.getParentRef())).findFirst();
      if (status.isEmpty()) {
        return Observation.waiting("gateway " + name + " has not reported on it yet");
      }
      Optional<Condition> accepted = condition(status.get().getConditions(), "Accepted");
      if (accepted.isEmpty()) {
        return Observation.waiting("gateway " + name + " has not accepted it yet");
      }
      if (!"True".equals(accepted.get().getStatus())) {
        boolean refused = !PENDING.equals(accepted.get().getReason());
        return new Observation("not accepted by gateway " + name + ": " + explain(accepted.get()), false, refused);
      }
      Optional<Condition> resolved = condition(status.get().getConditions(), "ResolvedRefs");
      if (resolved.isPresent() && !"True".equals(resolved.get().getStatus())) {
        return Observation.waiting("gateway " + name + " cannot reach its backend: " + explain(resolved.get()));
      }
    }
    return Observation.done("accepted by " + parents.stream().map(GatewayReadiness::describe).toList());
  }

  private static Optional<Condition> condition(List<Condition> conditions, String type) {
    return conditions == null ? Optional.empty() : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  private static boolean same(ParentReference wanted, ParentReference reported) {
    return reported != null && Objects.equals(wanted.getName(), reported.getName())
        && Objects.equals(wanted.getNamespace(), reported.getNamespace())
        && Objects.equals(wanted.getSectionName(), reported.getSectionName());
  }

  private static String describe(ParentReference parent) {
    return (parent.getNamespace() == null ? "" : parent.getNamespace() + "/") + parent.getName()
        + (parent.getSectionName() == null ? "" : " (" + parent.getSectionName() + ")");
  }

  private static String explain(Condition c) {
    String reason = Objects.requireNonNullElse(c.getReason(), "no reason given");
    return c.getMessage() == null || c.getMessage().isBlank() ? reason : reason + ": " + c.getMessage();
  }
}
