package io.chainwright.fabric;

/** Where a peer keeps its world state. */
public enum StateDatabase {
  /** Embedded in the peer; key and range queries only. */
  LEVELDB,
  /** A CouchDB sidecar; also rich JSON queries. */
  COUCHDB
}
