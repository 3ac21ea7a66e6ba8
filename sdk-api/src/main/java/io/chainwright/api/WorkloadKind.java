package io.chainwright.api;

/** How a workload's replicas live. */
public enum WorkloadKind {
  /** Long-running replicas with stable names and their own persistent data (nodes, databases). */
  STATEFUL,
  /** Long-running, interchangeable replicas (RPC proxies, APIs). */
  STATELESS,
  /** Runs to completion once (initialisation, migrations). */
  JOB,
  /** Runs to completion on a schedule (backups, pruning). */
  CRON_JOB,
  /** One replica on every eligible machine (exporters, agents). */
  DAEMON
}
