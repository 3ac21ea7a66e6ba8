package io.chainwright.kubernetes.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainwright.api.SecretKeyRef;
import io.chainwright.api.policy.AlertInhibition;
import io.chainwright.api.policy.AlertReceiver;
import io.chainwright.api.policy.AlertRoute;
import io.chainwright.api.policy.AlertRouting;
import io.chainwright.api.policy.MonitoringPolicy;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.openshift.api.model.monitoring.v1alpha1.AlertmanagerConfigBuilder;
import io.fabric8.openshift.api.model.monitoring.v1alpha1.HTTPConfigBuilder;
import io.fabric8.openshift.api.model.monitoring.v1alpha1.InhibitRule;
import io.fabric8.openshift.api.model.monitoring.v1alpha1.InhibitRuleBuilder;
import io.fabric8.openshift.api.model.monitoring.v1alpha1.Matcher;
import io.fabric8.openshift.api.model.monitoring.v1alpha1.MatcherBuilder;
import io.fabric8.openshift.api.model.monitoring.v1alpha1.Receiver;
import io.fabric8.openshift.api.model.monitoring.v1alpha1.ReceiverBuilder;
import io.fabric8.openshift.api.model.monitoring.v1alpha1.RouteBuilder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a network's alert routing as a Prometheus Operator {@code AlertmanagerConfig}: receivers
 * whose credentials are references to the network's Secrets, routes by label, and inhibitions. The
 * operator confines it to alerts of the network's namespace.
 */
final class AlertRoutingRenderer {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private AlertRoutingRenderer() {}

  static void render(RenderContext ctx, MonitoringPolicy policy, AlertRouting routing) {
    Map<String, String> labels = Labels.owned(ctx.network());
    labels.putAll(policy.labels());
    // Only this network's alerts: the operator adds a namespace matcher, this one tells networks sharing a namespace apart.
    List<Matcher> network = matchers(Map.of(AlertRouting.NETWORK_LABEL, ctx.network().name()));
    ctx.add(Tier.MONITORING, new AlertmanagerConfigBuilder()
        .withMetadata(ctx.meta(ctx.derivedName("monitoring.routing", ctx.network().name() + "-alert-routing"), labels, Map.of()))
        .withNewSpec()
        .withNewRoute()
        .withReceiver(routing.defaultReceiver())
        .withGroupBy(routing.groupBy())
        .withGroupWait(routing.groupWait().orElse(null))
        .withGroupInterval(routing.groupInterval().orElse(null))
        .withRepeatInterval(routing.repeatInterval().orElse(null))
        .withMatchers(network)
        .withRoutes(routing.routes().stream().map(AlertRoutingRenderer::route).toList())
        .endRoute()
        .withReceivers(routing.receivers().stream().map(AlertRoutingRenderer::receiver).toList())
        .withInhibitRules(routing.inhibitions().stream().map(AlertRoutingRenderer::inhibition).toList())
        .endSpec()
        .build());
  }

  /** Nested routes are untyped in the model (they may nest again), so each is written as its JSON tree. */
  private static JsonNode route(AlertRoute r) {
    return JSON.convertValue(new RouteBuilder().withReceiver(r.receiver()).withMatchers(matchers(r.matchers()))
        .withContinue(r.continueMatching() ? Boolean.TRUE : null).build(), JsonNode.class);
  }

  private static Receiver receiver(AlertReceiver r) {
    ReceiverBuilder b = new ReceiverBuilder().withName(r.name());
    switch (r.kind()) {
      case WEBHOOK -> b.addNewWebhookConfig().withUrl(r.url().orElseThrow().toString())
          .withHttpConfig(r.credential().map(token -> new HTTPConfigBuilder()
              .withNewAuthorization().withType("Bearer").withCredentials(selector(token)).endAuthorization().build()).orElse(null))
          .endWebhookConfig();
      case SLACK -> b.addNewSlackConfig().withApiURL(selector(r.credential().orElseThrow())).withChannel(r.channel().orElse(null))
          .endSlackConfig();
      case PAGERDUTY -> b.addNewPagerdutyConfig().withRoutingKey(selector(r.credential().orElseThrow())).endPagerdutyConfig();
    }
    return b.build();
  }

  private static InhibitRule inhibition(AlertInhibition i) {
    return new InhibitRuleBuilder().withSourceMatch(matchers(i.source())).withTargetMatch(matchers(i.target()))
        .withEqual(RenderContext.listOrNull(i.equal())).build();
  }

  private static List<Matcher> matchers(Map<String, String> labels) {
    return new TreeMap<>(labels).entrySet().stream()
        .map(e -> new MatcherBuilder().withName(e.getKey()).withValue(e.getValue()).withMatchType("=").build()).toList();
  }

  private static SecretKeySelector selector(SecretKeyRef ref) {
    return new SecretKeySelector(ref.key(), ref.secret(), false);
  }
}
