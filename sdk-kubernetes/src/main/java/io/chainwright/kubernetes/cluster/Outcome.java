package io.chainwright.kubernetes.cluster;

/** What applying one object did. */
public enum Outcome {
  CREATED,
  UPDATED,
  UNCHANGED
}
