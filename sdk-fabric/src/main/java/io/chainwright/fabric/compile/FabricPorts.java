package io.chainwright.fabric.compile;

/** The port names compiled Fabric workloads declare, for endpoints and isolation rules. */
public final class FabricPorts {
  /** Peer and orderer gRPC: endorsement, delivery, gossip, gateway, broadcast, Raft. */
  public static final String GRPC = "grpc";
  /** The orderer's channel participation API (mutual TLS, never leaves the network). */
  public static final String ADMIN = "admin";
  /** Health and Prometheus metrics. */
  public static final String OPERATIONS = "operations";
  /** Where chaincodes launched by a peer call back. */
  public static final String CHAINCODE = "chaincode";
  /** A Fabric CA's enrollment API. */
  public static final String CA = "ca";
  /** A chaincode server, called by peers. */
  public static final String CHAINCODE_SERVER = "ccserver";
  /** CouchDB, reached by its own peer only. */
  public static final String COUCHDB = "couchdb";

  private FabricPorts() {}
}
