package io.chainwright.kubernetes.cluster;

/** What applying one object did. */
public enum Outcome {
  CREATED,
  UPDATED,
  UNCHANGED,
  /** Sent with server-side apply, which decides on the server whether anything changed. */
  APPLIED
}
