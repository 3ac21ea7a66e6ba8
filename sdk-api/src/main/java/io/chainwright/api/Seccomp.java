package io.chainwright.api;

/** The system-call filter a container runs under. */
public enum Seccomp {
  RUNTIME_DEFAULT,
  /** No filter at all; an explicit, insecure choice. */
  UNCONFINED
}
