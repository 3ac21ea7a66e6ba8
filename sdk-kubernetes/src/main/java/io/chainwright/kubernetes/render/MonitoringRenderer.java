package io.chainwright.kubernetes.render;

import io.chainwright.api.MetricsEndpoint;
import io.chainwright.api.ScrapeTarget;
import io.chainwright.api.Workload;
import io.chainwright.api.policy.AlertRule;
import io.chainwright.api.policy.MonitoringPolicy;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.EndpointBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRuleBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.RelabelConfigBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.RuleBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitorBuilder;
import java.util.List;
import java.util.Map;

/**
 * Renders monitoring for the Prometheus operator: a ServiceMonitor for every workload with a
 * metrics endpoint (an endpoint per target for a probing exporter), a PrometheusRule with the
 * network's alerts, and an AlertmanagerConfig routing them when the policy says who is told. Without a monitoring policy
 * nothing is rendered, since the operator's resource kinds may not exist in the cluster.
 */
final class MonitoringRenderer {
  private MonitoringRenderer() {}

  static void render(RenderContext ctx) {
    if (ctx.network().monitoring().isEmpty()) {
      return;
    }
    MonitoringPolicy policy = ctx.network().monitoring().get();
    for (Workload w : ctx.network().workloads()) {
      w.metrics().ifPresent(m -> {
        Map<String, String> labels = Labels.workload(ctx.network(), w);
        labels.putAll(policy.labels());
        Map<String, String> serviceLabels = Labels.selector(ctx.network(), w);
        serviceLabels.put(Labels.SCRAPE, "true");
        ctx.add(Tier.MONITORING, new ServiceMonitorBuilder()
            .withMetadata(ctx.meta(w.name(), labels, Map.of()))
            .withNewSpec()
            .withSelector(new LabelSelectorBuilder().withMatchLabels(serviceLabels).build())
            .withEndpoints(endpoints(m))
            .endSpec()
            .build());
      });
    }
    if (!policy.alerts().isEmpty()) {
      Map<String, String> labels = Labels.owned(ctx.network());
      labels.putAll(policy.labels());
      ctx.add(Tier.MONITORING, new PrometheusRuleBuilder()
          .withMetadata(ctx.meta(ctx.derivedName("monitoring", ctx.network().name() + "-alerts"), labels, Map.of()))
          .withNewSpec()
          .addNewGroup()
          .withName(ctx.network().name())
          .withRules(policy.alerts().stream().map(alert -> rule(alert, ctx.network().name())).toList())
          .endGroup()
          .endSpec()
          .build());
    }
    policy.routing().ifPresent(routing -> AlertRoutingRenderer.render(ctx, policy, routing));
  }

  /** One endpoint, or one per target: its parameters on the scrape, its name as the {@code target} label. */
  private static List<Endpoint> endpoints(MetricsEndpoint m) {
    if (m.targets().isEmpty()) {
      return List.of(endpoint(m).build());
    }
    return m.targets().stream().map(t -> endpoint(m).withParams(t.paramLists())
        .withRelabelings(new RelabelConfigBuilder().withAction("replace").withTargetLabel(ScrapeTarget.LABEL)
            .withReplacement(t.name()).build())
        .build()).toList();
  }

  private static EndpointBuilder endpoint(MetricsEndpoint m) {
    return new EndpointBuilder().withPort(m.port()).withPath(m.path()).withInterval(m.intervalSeconds() + "s");
  }

  private static Rule rule(AlertRule alert, String network) {
    return new RuleBuilder()
        .withAlert(alert.name())
        .withExpr(new IntOrString(alert.expression()))
        .withFor(alert.forDuration())
        .withLabels(alert.labelsIn(network))
        .withAnnotations(Map.of("summary", alert.summary()))
        .build();
  }
}
