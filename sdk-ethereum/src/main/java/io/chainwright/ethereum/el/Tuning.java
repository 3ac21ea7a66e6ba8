package io.chainwright.ethereum.el;

/** Execution-client settings that not every client has; a spec that sets one its client lacks is refused. */
public enum Tuning {
  NAT_EXTERNAL_IP("natExternalIp"),
  CACHE("cacheMb"),
  TX_LOOKUP_LIMIT("txLookupLimit"),
  ANCIENT_VOLUME("ancientStorage"),
  STATE_SCHEME("stateScheme");

  private final String field;

  Tuning(String field) {
    this.field = field;
  }

  /** The spec field that sets it. */
  public String field() {
    return field;
  }
}
