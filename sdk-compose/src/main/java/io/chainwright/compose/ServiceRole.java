package io.chainwright.compose;

/** What a container is to its replica: it runs first to completion, beside the others, or as the main work. */
public enum ServiceRole {
  INIT,
  SIDECAR,
  MAIN
}
