package io.chainwright.junit;

/** Carries a devnet's recent logs on a failed test, so the report shows what the nodes were saying. */
final class DevnetLogs extends RuntimeException {
  DevnetLogs(String logs) {
    super("Recent devnet logs:" + logs, null, false, false);
  }
}
