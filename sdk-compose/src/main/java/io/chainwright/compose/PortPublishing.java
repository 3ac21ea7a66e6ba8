package io.chainwright.compose;

/** Which ports a Compose project publishes on the host, and where. */
public enum PortPublishing {
  /** Ports whose exposure leaves the network, at their own numbers: the project as it would run for real. */
  AS_EXPOSED,
  /**
   * Every port that is not internal-only, on 127.0.0.1 at a port the engine picks: for tests and
   * local runs, which reach each port the way a port-forward would, and never collide with each
   * other or with anything else on the host.
   */
  LOOPBACK_ANY_PORT
}
