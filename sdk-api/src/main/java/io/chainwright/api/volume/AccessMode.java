package io.chainwright.api.volume;

/** Who may mount a persistent volume at the same time. */
public enum AccessMode {
  READ_WRITE_ONCE,
  READ_WRITE_ONCE_POD,
  READ_ONLY_MANY,
  READ_WRITE_MANY
}
