package io.chainwright.fabric.compile;

import static io.chainwright.fabric.compile.FabricPaths.DATA;
import static io.chainwright.fabric.compile.FabricPaths.MSP;
import static io.chainwright.fabric.compile.FabricPaths.TLS_CA;
import static io.chainwright.fabric.compile.FabricPaths.TLS_CERT;
import static io.chainwright.fabric.compile.FabricPaths.TLS_KEY;

import io.chainwright.api.Container;
import io.chainwright.api.DataVolume;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Port;
import io.chainwright.api.Probe;
import io.chainwright.api.Resources;
import io.chainwright.api.ScratchVolume;
import io.chainwright.api.Secret;
import io.chainwright.api.SecretValue;
import io.chainwright.api.VolumeMount;
import io.chainwright.api.Workload;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.Peer;
import io.chainwright.fabric.PeerOrg;
import io.chainwright.fabric.StateDatabase;
import io.chainwright.fabric.crypto.MemberCrypto;
import java.util.List;
import java.util.Optional;

/**
 * A peer with TLS, the gateway service, gossip bootstrapped from its org and announced to other
 * orgs, and its world state in LevelDB or in a CouchDB sidecar whose password is a fresh secret.
 */
final class PeerWorkload {
  static final Resources RESOURCES = Resources.builder()
      .cpuRequest("1").cpuLimit("2").memoryRequest("2Gi").memoryLimit("4Gi").build();
  static final Resources COUCHDB_RESOURCES = Resources.builder()
      .cpuRequest("500m").cpuLimit("1").memoryRequest("1Gi").memoryLimit("2Gi").build();
  static final int COUCHDB_PORT = 5984;
  private static final String COUCHDB_USER = "admin";
  private static final String PASSWORD_KEY = "password";

  private PeerWorkload() {}

  /** A compiled peer: its workload, and the CouchDB password secret when it has a CouchDB. */
  record Compiled(Workload workload, Optional<Secret> couchDbSecret) {}

  static Compiled compile(FabricNetwork network, PeerOrg org, Peer peer, MemberCrypto crypto) {
    String name = org.workload(peer.name());
    String address = name + ":" + peer.port();
    Container.Builder container = Container.builder()
        .name(name)
        .image(network.peerImage())
        .addCommand("peer")
        .addArgs("node", "start")
        .addEnv(
            EnvVar.literal("FABRIC_LOGGING_SPEC", "INFO"),
            EnvVar.literal("CORE_PEER_ID", name),
            EnvVar.literal("CORE_PEER_ADDRESS", address),
            EnvVar.literal("CORE_PEER_LISTENADDRESS", "0.0.0.0:" + peer.port()),
            EnvVar.literal("CORE_PEER_CHAINCODEADDRESS", name + ":" + peer.chaincodePort()),
            EnvVar.literal("CORE_PEER_CHAINCODELISTENADDRESS", "0.0.0.0:" + peer.chaincodePort()),
            EnvVar.literal("CORE_PEER_GOSSIP_BOOTSTRAP", gossipBootstrap(org, peer)),
            // Announced outside the org, so other orgs' peers and service discovery find it.
            EnvVar.literal("CORE_PEER_GOSSIP_EXTERNALENDPOINT", address),
            EnvVar.literal("CORE_PEER_LOCALMSPID", org.mspId()),
            EnvVar.literal("CORE_PEER_MSPCONFIGPATH", MSP),
            EnvVar.literal("CORE_PEER_TLS_ENABLED", "true"),
            EnvVar.literal("CORE_PEER_TLS_CERT_FILE", TLS_CERT),
            EnvVar.literal("CORE_PEER_TLS_KEY_FILE", TLS_KEY),
            EnvVar.literal("CORE_PEER_TLS_ROOTCERT_FILE", TLS_CA),
            EnvVar.literal("CORE_PEER_FILESYSTEMPATH", DATA),
            EnvVar.literal("CORE_PEER_GATEWAY_ENABLED", "true"),
            EnvVar.literal("CORE_OPERATIONS_LISTENADDRESS", "0.0.0.0:" + peer.operationsPort()),
            EnvVar.literal("CORE_METRICS_PROVIDER", "prometheus"),
            // Chaincodes run as services; the peer never needs a container engine.
            EnvVar.literal("CORE_VM_ENDPOINT", ""),
            EnvVar.literal("CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG", "{\"peername\":\"" + name + "\"}"))
        .addPort(Port.tcp(FabricPorts.GRPC, peer.port()))
        .addPort(Port.tcp(FabricPorts.CHAINCODE, peer.chaincodePort()))
        .addPort(Port.tcp(FabricPorts.OPERATIONS, peer.operationsPort()))
        .readiness(Probe.http(FabricPorts.OPERATIONS, "/healthz"))
        .liveness(Probe.tcp(FabricPorts.GRPC))
        .resources(RESOURCES);
    Optional<Secret> couchDbSecret = Optional.empty();
    if (peer.stateDatabase() == StateDatabase.COUCHDB) {
      String secret = name + "-couchdb";
      couchDbSecret = Optional.of(Secret.builder().name(secret).putData(PASSWORD_KEY, SecretValue.randomHex(24)).build());
      container.addEnv(
          EnvVar.literal("CORE_LEDGER_STATE_STATEDATABASE", "CouchDB"),
          // The sidecar shares the peer's network, so only this peer reaches it.
          EnvVar.literal("CORE_LEDGER_STATE_COUCHDBCONFIG_COUCHDBADDRESS", "localhost:" + COUCHDB_PORT),
          EnvVar.literal("CORE_LEDGER_STATE_COUCHDBCONFIG_USERNAME", COUCHDB_USER),
          EnvVar.fromSecret("CORE_LEDGER_STATE_COUCHDBCONFIG_PASSWORD", secret, PASSWORD_KEY));
    } else {
      container.addEnv(EnvVar.literal("CORE_LEDGER_STATE_STATEDATABASE", "goleveldb"));
    }
    Workload.Builder workload = NodeWorkloads.stateful(name, "peer", org, crypto.files(), DATA, "100Gi", Optional.empty(), container);
    couchDbSecret.ifPresent(s -> workload
        .addSidecar(couchDb(network, s.name()))
        .addVolume(DataVolume.of("couchdb", "50Gi"))
        .addVolume(ScratchVolume.of("couchdb-config")));
    return new Compiled(workload.build(), couchDbSecret);
  }

  private static Container couchDb(FabricNetwork network, String secret) {
    return Container.builder()
        .name("couchdb")
        .image(network.couchDbImage())
        .addEnv(EnvVar.literal("COUCHDB_USER", COUCHDB_USER), EnvVar.fromSecret("COUCHDB_PASSWORD", secret, PASSWORD_KEY))
        .addPort(Port.builder().name(FabricPorts.COUCHDB).number(COUCHDB_PORT).internalOnly(true).build())
        .addMount(VolumeMount.of("couchdb", "/opt/couchdb/data"))
        // The image writes its admin settings here at start; the root file system stays read-only.
        .addMount(VolumeMount.of("couchdb-config", "/opt/couchdb/etc/local.d"))
        .readiness(Probe.http(FabricPorts.COUCHDB, "/_up"))
        .resources(COUCHDB_RESOURCES)
        .build();
  }

  /** Another peer of the same org to learn membership from: the next one in the org's list, or itself when alone. */
  private static String gossipBootstrap(PeerOrg org, Peer peer) {
    List<Peer> peers = org.peers();
    Peer next = peers.get((peers.indexOf(peer) + 1) % peers.size());
    return org.workload(next.name()) + ":" + next.port();
  }
}
