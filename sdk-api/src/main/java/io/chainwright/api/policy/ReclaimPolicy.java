package io.chainwright.api.policy;

/** What a {@link StorageClass} does with a volume's disk when its claim is deleted. */
public enum ReclaimPolicy {
  RETAIN,
  DELETE
}
