package io.chainwright.api.policy;

/** Where an {@link AlertReceiver} sends notifications. */
public enum ReceiverKind {
  /** An HTTP endpoint that takes Alertmanager's webhook payload, optionally with a bearer token. */
  WEBHOOK,
  /** A Slack incoming webhook, whose URL is the credential. */
  SLACK,
  /** A PagerDuty Events API v2 integration, whose routing key is the credential. */
  PAGERDUTY
}
