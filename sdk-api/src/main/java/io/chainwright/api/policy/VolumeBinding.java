package io.chainwright.api.policy;

/** When a {@link StorageClass} creates a volume: at once, or when the first replica using it is scheduled (zone-aware). */
public enum VolumeBinding {
  IMMEDIATE,
  WAIT_FOR_FIRST_CONSUMER
}
