package io.chainwright.l2.polygon;

import io.chainwright.api.Container;
import io.chainwright.api.Dependency;
import io.chainwright.api.DependencyCondition;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Image;
import io.chainwright.api.MetricsEndpoint;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Resources;
import io.chainwright.api.Secret;
import io.chainwright.api.SecretValue;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.material.Materials;
import io.chainwright.api.policy.Reach;
import io.chainwright.api.probe.Probe;
import io.chainwright.api.volume.ConfigVolume;
import io.chainwright.api.volume.ScratchVolume;
import io.chainwright.api.volume.SecretVolume;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.l2.L2Labels;
import io.chainwright.l2.Postgres;
import io.chainwright.zk.GpuProver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a {@link PolygonCdk} into workloads. zkevm-node and the bridge read a TOML config, kept
 * in a config map because it holds no secrets; passwords and the L1 URL reach them as environment
 * variables, which override the file. The prover's JSON config holds its database URL with the
 * password, so it is kept in a secret.
 */
final class CdkCompiler {
  static final Image NODE = Image.of("hermeznetwork/zkevm-node:v0.7.3");
  static final Image BRIDGE = Image.of("hermeznetwork/zkevm-bridge-service:v0.6.0");
  static final int RPC = 8545;
  static final int WS = 8546;
  static final int AGGREGATOR = 50081;
  static final int NODE_METRICS = 9091;
  static final int EXECUTOR = 50071;
  static final int HASHDB = 50061;
  static final int BRIDGE_REST = 8080;
  static final int BRIDGE_GRPC = 9090;
  static final String KEYSTORES = "/keystores";
  /** Where the node's config map (TOML and genesis) is mounted. */
  static final String CONFIG = "/config";
  /** The tables in which the prover keeps the Merkle tree and programs, in the state database. */
  static final String PROVER_TABLES = """
      CREATE SCHEMA IF NOT EXISTS state;
      CREATE TABLE IF NOT EXISTS state.nodes (hash BYTEA PRIMARY KEY, data BYTEA NOT NULL);
      CREATE TABLE IF NOT EXISTS state.program (hash BYTEA PRIMARY KEY, data BYTEA NOT NULL);
      """;

  private CdkCompiler() {}

  static void compile(PolygonCdk c, Network.Builder network, Materials materials) {
    c.l1().orElseThrow().addTo(network, materials);
    Postgres state = Postgres.create(c.name() + "-state-db", "state_db", "state_user", materials);
    Postgres pool = Postgres.create(c.name() + "-pool-db", "pool_db", "pool_user", materials);
    network.addSecret(state.secret()).addWorkload(state.toWorkload(c.databaseStorage(), c.storageClass(), Optional.of(PROVER_TABLES)));
    network.addSecret(pool.secret()).addWorkload(pool.toWorkload(c.databaseStorage(), c.storageClass()));
    Secret proverConfig = proverConfig(c, state);
    network.addSecret(proverConfig).addWorkload(prover(c, proverConfig, state));
    for (CdkComponent component : CdkComponent.values()) {
      network.addWorkload(node(c, component, state, pool));
    }
    if (c.bridge()) {
      Postgres bridgeDb = Postgres.create(c.name() + "-bridge-db", "bridge_db", "bridge_user", materials);
      network.addSecret(bridgeDb.secret()).addWorkload(bridgeDb.toWorkload(c.databaseStorage(), c.storageClass()));
      network.addWorkload(bridge(c, bridgeDb));
    }
  }

  static String proverWorkload(PolygonCdk c) {
    return c.name() + "-prover";
  }

  static Workload node(PolygonCdk c, CdkComponent component, Postgres state, Postgres pool) {
    String name = c.workload(component);
    List<EnvVar> env = new ArrayList<>();
    env.add(state.passwordEnv("ZKEVM_NODE_STATE_DB_PASSWORD"));
    env.add(pool.passwordEnv("ZKEVM_NODE_POOL_DB_PASSWORD"));
    env.add(c.l1().orElseThrow().rpcEnv("ZKEVM_NODE_ETHERMAN_URL"));
    // Signers read their keystore password from the TOML, which a setup step finishes in memory.
    boolean signs = component == CdkComponent.SEQUENCER || component == CdkComponent.AGGREGATOR;
    String toml = (signs ? KeystorePasswordStep.DIR : CONFIG) + "/config.toml";
    Container.Builder node = Container.builder().name(name).image(c.nodeImage().orElse(NODE))
        .addCommand("/app/zkevm-node")
        .addArgs("run", "--network", "custom", "--custom-network-file", CONFIG + "/genesis.json", "--cfg", toml,
            "--components", component.components())
        .env(env)
        .addPort(Port.tcp("metrics", NODE_METRICS))
        .addMount(VolumeMount.readOnly("config", CONFIG))
        .addMount(VolumeMount.of("tmp", "/tmp"))
        .resources(Resources.of("1", "4", "4Gi", "8Gi"))
        // Components without an API of their own are ready once their metrics server ([Metrics] Enabled) answers.
        .readiness(Probe.http("metrics", "/metrics"));
    if (component == CdkComponent.RPC) {
      node.addPort(Port.builder().name("rpc").number(RPC).exposure(c.rpcExposure()).build())
          .addPort(Port.builder().name("ws").number(WS).exposure(c.rpcExposure()).build())
          .readiness(Probe.tcp("rpc"));
    }
    if (component == CdkComponent.AGGREGATOR) {
      node.addPort(Port.tcp("aggregator", AGGREGATOR)).readiness(Probe.tcp("aggregator"));
    }
    Workload.Builder w = Workload.builder().name(name).kind(WorkloadKind.STATELESS)
        .putLabel(L2Labels.ROLE, "zkevm-" + component.name().toLowerCase(java.util.Locale.ROOT))
        .addVolume(ConfigVolume.builder().name("config")
            .putFile("config.toml", nodeToml(c, state, pool, signs)).putFile("genesis.json", c.genesisJson()).build())
        .addVolume(ScratchVolume.of("tmp"))
        .metrics(MetricsEndpoint.of("metrics", "/metrics"))
        // The config file names each database by host and port apart, and the L1 URL may be secret.
        .addReaches(state.reach(), pool.reach())
        .addAllReaches(c.l1().orElseThrow().reaches())
        .addDependsOn(Dependency.ready(state.workload()))
        .addDependsOn(Dependency.ready(pool.workload()))
        .addDependsOn(Dependency.of(proverWorkload(c), DependencyCondition.STARTED));
    if (signs) {
      w.addVolume(SecretVolume.of("keystores", c.keystoreSecret().orElseThrow()))
          .addVolume(KeystorePasswordStep.volume())
          .addInitContainer(KeystorePasswordStep.container(c.keystoreSecret().orElseThrow()));
      node.addMount(VolumeMount.readOnly("keystores", KEYSTORES))
          .addMount(VolumeMount.readOnly(KeystorePasswordStep.VOLUME, KeystorePasswordStep.DIR));
    }
    return w.addContainer(node.build()).build();
  }

  static Workload prover(PolygonCdk c, Secret config, Postgres state) {
    GpuProver p = c.prover().orElseThrow();
    return GpuProver.builder().from(p)
        .name(proverWorkload(c))
        .command(List.of("zkProver"))
        .args(List.of("-c", "/prover-config/config.json"))
        .addPort(Port.tcp("executor", EXECUTOR))
        .addPort(Port.tcp("hashdb", HASHDB))
        .addVolume(SecretVolume.of("prover-config", config.name()))
        .addMount(VolumeMount.readOnly("prover-config", "/prover-config"))
        .readiness(Probe.tcp("executor"))
        // Its JSON config names the state database and the aggregator by host and port apart.
        .addReaches(state.reach(), Reach.workload(c.workload(CdkComponent.AGGREGATOR), "aggregator"))
        .build()
        .toWorkload();
  }

  static Workload bridge(PolygonCdk c, Postgres db) {
    String name = c.name() + "-bridge";
    return Workload.builder().name(name).kind(WorkloadKind.STATELESS)
        .putLabel(L2Labels.ROLE, "bridge")
        .addContainer(Container.builder().name(name).image(c.bridgeImage().orElse(BRIDGE))
            .addCommand("/app/zkevm-bridge")
            .addArgs("run", "--cfg", "/config/config.toml")
            .addEnv(db.passwordEnv("ZKEVM_BRIDGE_SYNCDB_PASSWORD"))
            .addEnv(db.passwordEnv("ZKEVM_BRIDGE_BRIDGESERVER_DB_PASSWORD"))
            .addEnv(c.l1().orElseThrow().rpcEnv("ZKEVM_BRIDGE_ETHERMAN_L1URL"))
            .addPort(Port.builder().name("rest").number(BRIDGE_REST).exposure(c.rpcExposure()).build())
            .addPort(Port.tcp("grpc", BRIDGE_GRPC))
            .addMount(VolumeMount.readOnly("config", "/config"))
            .addMount(VolumeMount.of("tmp", "/tmp"))
            .resources(Resources.of("500m", "2", "1Gi", "2Gi"))
            .readiness(Probe.tcp("rest"))
            .build())
        .addVolume(ConfigVolume.builder().name("config").putFile("config.toml", bridgeToml(c, db)).build())
        .addVolume(ScratchVolume.of("tmp"))
        .addReaches(db.reach())
        .addAllReaches(c.l1().orElseThrow().reaches())
        .addDependsOn(Dependency.ready(db.workload()))
        .addDependsOn(Dependency.ready(c.workload(CdkComponent.RPC)))
        .build();
  }

  /** The node's settings; a signer's keystores are opened with the password a setup step puts in for the placeholder. */
  static String nodeToml(PolygonCdk c, Postgres state, Postgres pool, boolean signs) {
    String prover = proverWorkload(c);
    String password = signs ? ", Password = '" + KeystorePasswordStep.PLACEHOLDER + "'" : "";
    return """
        IsTrustedSequencer = true

        [Log]
        Environment = "production"
        Level = "info"
        Outputs = ["stderr"]

        [State.DB]
        %1$s
        [Pool.DB]
        %2$s
        [RPC]
        Host = "0.0.0.0"
        Port = %3$d

        [RPC.WebSockets]
        Enabled = true
        Host = "0.0.0.0"
        Port = %4$d

        [SequenceSender]
        PrivateKey = {Path = "%5$s/sequencer.keystore"%6$s}

        [Aggregator]
        Host = "0.0.0.0"
        Port = %7$d

        [EthTxManager]
        PrivateKeys = [{Path = "%5$s/sequencer.keystore"%6$s}, {Path = "%5$s/aggregator.keystore"%6$s}]

        [MTClient]
        URI = "%8$s:%9$d"

        [Executor]
        URI = "%8$s:%10$d"

        [Metrics]
        Enabled = true
        Host = "0.0.0.0"
        Port = %11$d
        """.formatted(db(state), db(pool), RPC, WS, KEYSTORES, password, AGGREGATOR, prover, HASHDB, EXECUTOR, NODE_METRICS);
  }

  static String bridgeToml(PolygonCdk c, Postgres db) {
    CdkContracts k = c.contracts().orElseThrow();
    return """
        [Log]
        Level = "info"
        Outputs = ["stderr"]

        [SyncDB]
        Database = "postgres"
        %s
        [Etherman]
        L2URLs = ["http://%s:%d"]

        [BridgeServer]
        GRPCPort = "%d"
        HTTPPort = "%d"

        [BridgeServer.DB]
        Database = "postgres"
        %s
        [NetworkConfig]
        GenBlockNumber = %d
        PolygonBridgeAddress = "%s"
        PolygonZkEVMGlobalExitRootAddress = "%s"
        L2PolygonBridgeAddresses = ["%s"]
        """.formatted(db(db), c.workload(CdkComponent.RPC), RPC, BRIDGE_GRPC, BRIDGE_REST, db(db),
        k.deploymentBlock(), k.l1Bridge(), k.l1GlobalExitRoot(), k.l2Bridge());
  }

  /** A database section without its password, which comes from the environment. */
  private static String db(Postgres p) {
    return """
        User = "%s"
        Name = "%s"
        Host = "%s"
        Port = "%d"
        MaxConns = 100
        """.formatted(p.user(), p.database(), p.workload(), Postgres.PORT);
  }

  /** The prover's settings: executor and Merkle tree servers for the node, the aggregator client for proving. */
  static Secret proverConfig(PolygonCdk c, Postgres state) {
    String json = """
        {
          "proverName": "%s",
          "runExecutorServer": true,
          "executorServerPort": %d,
          "runHashDBServer": true,
          "hashDBServerPort": %d,
          "runAggregatorClient": true,
          "aggregatorClientHost": "%s",
          "aggregatorClientPort": %d,
          "databaseURL": "postgresql://%s:%s@%s:%d/%s",
          "dbNodesTableName": "state.nodes",
          "dbProgramTableName": "state.program",
          "outputPath": "/tmp/output"
        }
        """.formatted(proverWorkload(c), EXECUTOR, HASHDB, c.workload(CdkComponent.AGGREGATOR), AGGREGATOR,
        state.user(), state.password(), state.workload(), Postgres.PORT, state.database());
    return Secret.builder().name(proverWorkload(c) + "-config").putData("config.json", SecretValue.of(json)).build();
  }
}
