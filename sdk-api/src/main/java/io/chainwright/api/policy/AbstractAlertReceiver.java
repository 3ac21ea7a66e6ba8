package io.chainwright.api.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.SecretKeyRef;
import io.chainwright.api.Violations;
import java.net.URI;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A place Alertmanager notifies: a webhook, a Slack channel or a PagerDuty service. Its credential
 * (bearer token, Slack webhook URL, PagerDuty routing key) is a key of one of the network's
 * secrets, read from a file or secret reference, never written into the configuration.
 *
 * <pre>{@code
 * AlertReceiver.pagerDuty("on-call", SecretKeyRef.of("pagerduty", "routing-key"));
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = AlertReceiver.class)
@JsonDeserialize(as = AlertReceiver.class)
abstract class AbstractAlertReceiver {
  public abstract String name();

  public abstract ReceiverKind kind();

  /** The webhook's address; webhooks only. */
  public abstract Optional<URI> url();

  /** The secret part: a webhook's bearer token (optional), Slack's webhook URL, PagerDuty's routing key. */
  public abstract Optional<SecretKeyRef> credential();

  /** The Slack channel to post to, e.g. {@code #alerts}; Slack only, its webhook's own channel otherwise. */
  public abstract Optional<String> channel();

  /** A webhook at {@code url}, called without credentials. */
  public static AlertReceiver webhook(String name, URI url) {
    return AlertReceiver.builder().name(name).kind(ReceiverKind.WEBHOOK).url(url).build();
  }

  /** A webhook at {@code url}, called with the bearer token held in {@code token}. */
  public static AlertReceiver webhook(String name, URI url, SecretKeyRef token) {
    return AlertReceiver.builder().name(name).kind(ReceiverKind.WEBHOOK).url(url).credential(token).build();
  }

  /** A Slack channel, through the incoming-webhook URL held in {@code webhookUrl}. */
  public static AlertReceiver slack(String name, SecretKeyRef webhookUrl, String channel) {
    return AlertReceiver.builder().name(name).kind(ReceiverKind.SLACK).credential(webhookUrl).channel(channel).build();
  }

  /** A PagerDuty service, through the Events API v2 routing key held in {@code routingKey}. */
  public static AlertReceiver pagerDuty(String name, SecretKeyRef routingKey) {
    return AlertReceiver.builder().name(name).kind(ReceiverKind.PAGERDUTY).credential(routingKey).build();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("receivers", name());
    v.label("name", name());
    if (v.require("kind", kind())) {
      switch (kind()) {
        case WEBHOOK -> {
          if (url().isEmpty()) {
            v.add("url", "a webhook needs the address to call");
          }
          url().filter(u -> !"https".equals(u.getScheme()) && !"http".equals(u.getScheme()))
              .ifPresent(u -> v.add("url", "'" + u + "' is not an http(s) address"));
        }
        case SLACK, PAGERDUTY -> {
          if (credential().isEmpty()) {
            v.add("credential", kind() == ReceiverKind.SLACK ? "Slack needs the secret holding its webhook URL"
                : "PagerDuty needs the secret holding its routing key");
          }
          url().ifPresent(u -> v.add("url", "the address of " + kind() + " is its credential; give it as a secret"));
        }
      }
      if (kind() != ReceiverKind.SLACK) {
        channel().ifPresent(c -> v.add("channel", "only Slack receivers post to a channel"));
      }
    }
    v.throwIfAny();
  }
}
