package io.chainwright.l2.zksync;

/** The kind of {@link ObjectStore}, as zkSync names it. */
public enum ObjectStoreMode {
  FILE_BACKED("FileBacked"),
  GCS_WITH_CREDENTIAL_FILE("GCSWithCredentialFile");

  private final String id;

  ObjectStoreMode(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
