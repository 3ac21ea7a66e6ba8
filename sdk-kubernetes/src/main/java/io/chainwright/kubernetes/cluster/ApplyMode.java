package io.chainwright.kubernetes.cluster;

/** How objects are written to the cluster. */
public enum ApplyMode {
  /** Server-side apply with field manager {@code chainwright}, forcing conflicts: the production path. */
  SERVER_SIDE,
  /**
   * Read, then create, or replace when what we set differs. For API servers without server-side
   * apply, such as fabric8's mock server in CRUD mode.
   */
  CREATE_OR_UPDATE
}
