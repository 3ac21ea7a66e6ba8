package io.chainwright.api.backend;

/** What happens to persistent data when a deployment is torn down. */
public enum Teardown {
  /** Keep every persistent volume; the next deployment of the same network finds its data. */
  KEEP_VOLUMES,
  /** Delete persistent volumes too, unless a volume is marked keep-on-delete. */
  DELETE_VOLUMES,
  /** Delete every persistent volume, including those marked keep-on-delete. */
  DELETE_ALL_VOLUMES
}
