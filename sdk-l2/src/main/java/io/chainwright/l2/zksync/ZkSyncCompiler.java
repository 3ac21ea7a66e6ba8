package io.chainwright.l2.zksync;

import io.chainwright.api.Container;
import io.chainwright.api.Dependency;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Image;
import io.chainwright.api.MetricsEndpoint;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Resources;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.material.Materials;
import io.chainwright.api.probe.Probe;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.ScratchVolume;
import io.chainwright.api.volume.SecretVolume;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.l2.L2Labels;
import io.chainwright.l2.Postgres;
import io.chainwright.zk.GpuProver;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link ZkSyncEra} into workloads. The server reads its settings from environment
 * variables named after its config sections ({@code API_WEB3_JSON_RPC_HTTP_PORT} is
 * {@code api.web3_json_rpc.http_port}); secrets arrive the same way, from secret references.
 */
final class ZkSyncCompiler {
  static final Image SERVER = Image.of("matterlabs/server-v2:v28.2.1");
  static final int RPC = 3050;
  static final int WS = 3051;
  static final int HEALTH = 3071;
  static final int METRICS = 3312;
  /** Where provers fetch jobs from and send proofs to. */
  static final int PROOF_DATA = 3320;
  static final String DB_DIR = "/db";
  static final String COMPONENTS = "api,tree,eth,state_keeper,housekeeper,proof_data_handler";

  private ZkSyncCompiler() {}

  static void compile(ZkSyncEra z, Network.Builder network, Materials materials) {
    z.l1().orElseThrow().addTo(network, materials);
    Postgres db = Postgres.create(z.databaseWorkload(), "zksync", "zksync", materials);
    network.addSecret(db.secret()).addWorkload(db.toWorkload(z.databaseStorage(), z.storageClass()));
    network.addWorkload(server(z, db));
    z.prover().ifPresent(p -> network.addWorkload(prover(z, p, db)));
  }

  static Workload server(ZkSyncEra z, Postgres db) {
    String name = z.serverWorkload();
    List<EnvVar> env = new ArrayList<>();
    env.add(db.urlEnv("DATABASE_URL"));
    env.add(db.urlEnv("DATABASE_PROVER_URL"));
    env.add(EnvVar.literal("DATABASE_STATE_KEEPER_DB_PATH", DB_DIR + "/state_keeper"));
    env.add(EnvVar.literal("DATABASE_MERKLE_TREE_PATH", DB_DIR + "/tree"));
    env.add(z.l1().orElseThrow().rpcEnv("ETH_CLIENT_WEB3_URL"));
    env.add(EnvVar.literal("ETH_CLIENT_CHAIN_ID", Long.toString(z.l1ChainId())));
    env.add(EnvVar.literal("CHAIN_ETH_ZKSYNC_NETWORK_ID", Long.toString(z.chainId())));
    z.operatorKey().ifPresent(k -> env.add(EnvVar.fromSecret("ETH_SENDER_SENDER_OPERATOR_PRIVATE_KEY", k.secret(), k.key())));
    env.add(EnvVar.literal("API_WEB3_JSON_RPC_HTTP_PORT", Integer.toString(RPC)));
    env.add(EnvVar.literal("API_WEB3_JSON_RPC_WS_PORT", Integer.toString(WS)));
    env.add(EnvVar.literal("API_HEALTHCHECK_PORT", Integer.toString(HEALTH)));
    env.add(EnvVar.literal("API_PROMETHEUS_LISTENER_PORT", Integer.toString(METRICS)));
    env.add(EnvVar.literal("PROOF_DATA_HANDLER_HTTP_PORT", Integer.toString(PROOF_DATA)));
    env.addAll(z.objectStore().env("OBJECT_STORE"));
    // The user's settings win over the SDK's, so a real chain can correct what the SDK assumes.
    env.removeIf(e -> z.extraEnv().stream().anyMatch(extra -> extra.name().equals(e.name())));
    env.addAll(z.extraEnv());

    DataVolume.Builder rocks = DataVolume.builder().name("db").size(z.serverStorage());
    z.storageClass().ifPresent(rocks::storageClass);
    Container.Builder server = Container.builder().name(name).image(z.serverImage().orElse(SERVER))
        .addArgs("--components=" + COMPONENTS)
        .env(env)
        .addPort(Port.builder().name("rpc").number(RPC).exposure(z.rpcExposure()).build())
        .addPort(Port.builder().name("ws").number(WS).exposure(z.rpcExposure()).build())
        .addPort(Port.tcp("health", HEALTH))
        .addPort(Port.tcp("metrics", METRICS))
        .addPort(Port.tcp("proof-data", PROOF_DATA))
        .addMount(VolumeMount.of("db", DB_DIR))
        .addMount(VolumeMount.of("tmp", "/tmp"))
        .resources(Resources.of("8", "16", "32Gi", "64Gi"))
        .readiness(Probe.http("health", "/health"))
        .liveness(Probe.tcp("health"));
    Workload.Builder w = Workload.builder().name(name).kind(WorkloadKind.STATEFUL)
        .putLabel(L2Labels.ROLE, "zksync-server")
        .addVolume(rocks.build())
        .addVolume(ScratchVolume.of("tmp"))
        .metrics(MetricsEndpoint.of("metrics", "/metrics"))
        // The database's URL is in a secret, the L1's may be, and a shared object store is remote.
        .addReaches(db.reach())
        .addAllReaches(z.l1().orElseThrow().reaches())
        .addAllReaches(z.objectStore().reaches())
        .addDependsOn(Dependency.ready(z.databaseWorkload()));
    objectStoreVolume(z, w, server);
    return w.addContainer(server.build()).build();
  }

  /** The prover as given, with the database, object store and setup data it needs as zkSync names them. */
  static Workload prover(ZkSyncEra z, GpuProver p, Postgres db) {
    GpuProver.Builder prover = GpuProver.builder().from(p)
        .addEnv(db.urlEnv("DATABASE_PROVER_URL"))
        .addAllEnv(z.objectStore().env("PROVER_OBJECT_STORE"))
        .addEnv(EnvVar.literal("FRI_PROVER_SETUP_DATA_PATH", p.crs().orElseThrow().path()))
        .addReaches(db.reach())
        .addAllReaches(z.objectStore().reaches());
    z.objectStore().credentialsSecret().ifPresent(s -> prover
        .addVolume(SecretVolume.of("object-store", s))
        .addMount(VolumeMount.readOnly("object-store", ObjectStore.CREDENTIALS_DIR)));
    return prover.build().toWorkload();
  }

  private static void objectStoreVolume(ZkSyncEra z, Workload.Builder w, Container.Builder server) {
    ObjectStore store = z.objectStore();
    store.credentialsSecret().ifPresent(s -> {
      w.addVolume(SecretVolume.of("object-store", s));
      server.addMount(VolumeMount.readOnly("object-store", ObjectStore.CREDENTIALS_DIR));
    });
    if (!store.shared()) {
      w.addVolume(DataVolume.of("artifacts", "100Gi"));
      server.addMount(VolumeMount.of("artifacts", store.fileBackedPath()));
    }
  }
}
