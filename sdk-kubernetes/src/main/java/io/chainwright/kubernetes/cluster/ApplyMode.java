package io.chainwright.kubernetes.cluster;

/** How objects are written to the cluster. */
public enum ApplyMode {
  /** Server-side apply with field manager {@link #FIELD_MANAGER}, forcing conflicts: the production path. */
  SERVER_SIDE,
  /**
   * Read, then create, or replace when what we set differs. For API servers without server-side
   * apply, such as fabric8's mock server in CRUD mode.
   */
  CREATE_OR_UPDATE;

  /** The field manager server-side apply writes as, e.g. for {@code kubectl apply --server-side --field-manager}. */
  public static final String FIELD_MANAGER = "chainwright";
}
