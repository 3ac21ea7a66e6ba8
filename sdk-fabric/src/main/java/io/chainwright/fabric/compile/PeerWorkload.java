package io.chainwright.fabric.compile;

import static io.chainwright.fabric.compile.FabricPaths.DATA;

import io.chainwright.api.Container;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Port;
import io.chainwright.api.Resources;
import io.chainwright.api.Secret;
import io.chainwright.api.Workload;
import io.chainwright.api.probe.Probe;
import io.chainwright.api.volume.ConfigVolume;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.ScratchVolume;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.Peer;
import io.chainwright.fabric.PeerOrg;
import io.chainwright.fabric.StateDatabase;
import io.chainwright.fabric.crypto.MemberCrypto;
import java.util.List;
import java.util.Optional;

/**
 * A peer configured by its own {@code core.yaml}: TLS, the gateway service, gossip bootstrapped
 * from its org and announced to other orgs, chaincode through an external builder, and its world
 * state in LevelDB or in a CouchDB sidecar whose password is a fresh secret, passed by environment.
 */
final class PeerWorkload {
  static final Resources RESOURCES = Resources.of("1", "2", "2Gi", "4Gi");
  static final Resources COUCHDB_RESOURCES = Resources.of("500m", "1", "1Gi", "2Gi");
  static final int COUCHDB_PORT = 5984;
  static final String COUCHDB_USER = "admin";
  private static final String PASSWORD_KEY = "password";

  private PeerWorkload() {}

  /** A compiled peer: its workload, and the CouchDB password secret when it has a CouchDB. */
  record Compiled(Workload workload, Optional<Secret> couchDbSecret) {}

  static Compiled compile(FabricNetwork network, PeerOrg org, Peer peer, MemberCrypto crypto, FabricTarget target) {
    String name = org.workload(peer.name());
    Container.Builder container = Container.builder()
        .name(name)
        .image(network.peerImage())
        .addCommand("peer")
        .addArgs("node", "start")
        .addEnv(EnvVar.literal("FABRIC_CFG_PATH", NodeConfigs.DIR),
            EnvVar.literal("CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG", "{\"peername\":\"" + name + "\"}"))
        .addMount(VolumeMount.readOnly("config", NodeConfigs.DIR))
        .addPort(Port.tcp(FabricPorts.GRPC, peer.port()))
        .addPort(Port.tcp(FabricPorts.CHAINCODE, peer.chaincodePort()))
        .addPort(Port.tcp(FabricPorts.OPERATIONS, peer.operationsPort()))
        // Health answers before gRPC listens; clients can connect once it does.
        .readiness(Probe.tcp(FabricPorts.GRPC))
        .liveness(Probe.http(FabricPorts.OPERATIONS, "/healthz"))
        .resources(RESOURCES);
    Optional<Secret> couchDbSecret = Optional.empty();
    if (peer.stateDatabase() == StateDatabase.COUCHDB) {
      String secret = name + "-couchdb";
      couchDbSecret = Optional.of(Secret.builder().name(secret).putData(PASSWORD_KEY, crypto.org().materials().randomHex(name, "couchdb-password", 24)).build());
      container.addEnv(EnvVar.fromSecret("CORE_LEDGER_STATE_COUCHDBCONFIG_PASSWORD", secret, PASSWORD_KEY));
    }
    Workload.Builder workload = NodeWorkloads.stateful(name, "peer", org, crypto.files(), DATA, "100Gi", Optional.empty(), container)
        .addVolume(ConfigVolume.builder().name("config")
            .putFile("core.yaml", NodeConfigs.coreYaml(org, peer, gossipBootstrap(org, peer), target)).build());
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
