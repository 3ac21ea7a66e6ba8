package io.chainwright.fabric.crypto;

/** The organisational unit a signing certificate carries, by which Fabric's NodeOUs classify its holder. */
public enum NodeOu {
  PEER("peer"),
  ORDERER("orderer"),
  ADMIN("admin"),
  CLIENT("client");

  private final String ou;

  NodeOu(String ou) {
    this.ou = ou;
  }

  /** The OU value in the certificate's subject and in {@code config.yaml}. */
  public String ou() {
    return ou;
  }
}
