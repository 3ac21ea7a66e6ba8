package io.chainwright.ethereum.validator;

import io.chainwright.api.Container;
import io.chainwright.api.Dependency;
import io.chainwright.api.EnvVar;
import io.chainwright.api.MetricsEndpoint;
import io.chainwright.api.Port;
import io.chainwright.api.Resources;
import io.chainwright.api.Secret;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.material.Materials;
import io.chainwright.api.probe.Probe;
import io.chainwright.api.scheduling.Scheduling;
import io.chainwright.api.scheduling.Topology;
import io.chainwright.api.scheduling.TopologySpread;
import io.chainwright.api.volume.ConfigVolume;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.ScratchVolume;
import io.chainwright.api.volume.SecretVolume;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.ethereum.common.ContainerLayout;
import io.chainwright.ethereum.common.PublicNetwork;
import io.chainwright.ethereum.common.RpcAccess;

/** Turns a {@link Web3Signer} into its signer and database workloads and the database password secret. */
final class Web3SignerCompiler {
  static final String DATABASE = "web3signer";
  static final String DATABASE_USER = "web3signer";
  static final String PASSWORD_KEY = "password";
  static final int POSTGRES_PORT = 5432;
  private static final String KEY_CONFIG_DIR = "/key-config";
  private static final String MIGRATIONS_DIR = "/migrations";
  /** Where the Web3Signer image ships its PostgreSQL schema migrations. */
  private static final String IMAGE_MIGRATIONS = "/opt/web3signer/migrations/postgresql/.";
  private static final String PGDATA_MOUNT = "/var/lib/postgresql/data";

  private Web3SignerCompiler() {}

  record Compiled(Workload signer, Workload database, Secret password) {}

  static Compiled compile(Web3Signer s, PublicNetwork network, Materials materials) {
    Secret password = Secret.builder().name(s.databaseSecretName())
        .putData(PASSWORD_KEY, materials.randomHex(s.databaseSecretName(), PASSWORD_KEY, 24)).build();
    return new Compiled(signer(s, network), database(s), password);
  }

  private static String jdbcUrl(Web3Signer s) {
    return "jdbc:postgresql://" + s.databaseWorkload() + ":" + POSTGRES_PORT + "/" + DATABASE;
  }

  static Workload signer(Web3Signer s, PublicNetwork network) {
    EnvVar dbPassword = EnvVar.fromSecret("WEB3SIGNER_ETH2_SLASHING_PROTECTION_DB_PASSWORD", s.databaseSecretName(), PASSWORD_KEY);
    Container migrationsCopy = Container.builder().name("migrations-copy").image(s.image())
        .addCommand("cp").addArgs("-r", IMAGE_MIGRATIONS, MIGRATIONS_DIR + "/")
        .addMount(VolumeMount.of("migrations", MIGRATIONS_DIR))
        .resources(Resources.setupStep())
        .build();
    // The schema must exist before the signer starts; flyway applies only what is missing, so every start may run it.
    Container migrate = Container.builder().name("migrate").image(s.migrationImage())
        .addArgs("-connectRetries=30", "migrate")
        .addEnv(EnvVar.literal("FLYWAY_URL", jdbcUrl(s)))
        .addEnv(EnvVar.literal("FLYWAY_USER", DATABASE_USER))
        .addEnv(EnvVar.fromSecret("FLYWAY_PASSWORD", s.databaseSecretName(), PASSWORD_KEY))
        .addEnv(EnvVar.literal("FLYWAY_LOCATIONS", "filesystem:" + MIGRATIONS_DIR))
        .addMount(VolumeMount.readOnly("migrations", MIGRATIONS_DIR))
        .addMount(VolumeMount.of("tmp", ContainerLayout.TMP))
        // Flyway is a JVM program: its heap follows the limit.
        .resources(Resources.of("100m", "1", "256Mi", "512Mi"))
        .build();
    Container signer = Container.builder().name(s.name()).image(s.image())
        .addArgs("--http-listen-host=" + ContainerLayout.ALL_INTERFACES, "--http-listen-port=" + s.httpPort(),
            "--http-host-allowlist=" + RpcAccess.ownHosts(s.name()), "--key-config-path=" + KEY_CONFIG_DIR,
            "--metrics-enabled=true", "--metrics-host=" + ContainerLayout.ALL_INTERFACES,
            "--metrics-port=" + s.metricsPort(), "--metrics-host-allowlist=" + RpcAccess.ownHosts(s.name()),
            "eth2", "--network=" + network.id(), "--slashing-protection-enabled=true",
            "--slashing-protection-db-url=" + jdbcUrl(s), "--slashing-protection-db-username=" + DATABASE_USER)
        // Web3Signer refuses requests whose Host header is not listed; the backend adds the replica's own address.
        .addHostAllowlistFlags("--http-host-allowlist", "--metrics-host-allowlist")
        .addEnv(dbPassword)
        .addPort(Port.tcp("http", s.httpPort()))
        .addPort(Port.tcp("metrics", s.metricsPort()))
        .addMount(VolumeMount.readOnly("keys", ValidatorContext.KEYS_DIR))
        .addMount(VolumeMount.readOnly("key-config", KEY_CONFIG_DIR))
        .addMount(VolumeMount.of("tmp", ContainerLayout.TMP))
        .resources(Resources.of("500m", "2", "1Gi", "2Gi"))
        .readiness(Probe.http("http", "/upcheck"))
        .liveness(Probe.tcp("http"))
        .build();
    return Workload.builder().name(s.name()).kind(WorkloadKind.STATELESS).replicas(s.replicas())
        .putLabel("ethereum.chainwright.io/role", "signer")
        .addInitContainer(migrationsCopy).addInitContainer(migrate).addContainer(signer)
        .addVolume(SecretVolume.of("keys", s.keystoreSecret()))
        .addVolume(keyConfig(s))
        .addVolume(ScratchVolume.of("migrations"))
        .addVolume(ScratchVolume.of("tmp"))
        .addDependsOn(Dependency.ready(s.databaseWorkload()))
        .metrics(MetricsEndpoint.of("metrics", "/metrics"))
        .scheduling(Scheduling.builder().addTopologySpread(TopologySpread.of(Topology.ZONE, 1)).build())
        .build();
  }

  /** One key definition per public key, naming the keystore and password files; no secret is written here. */
  private static ConfigVolume keyConfig(Web3Signer s) {
    ConfigVolume.Builder config = ConfigVolume.builder().name("key-config");
    for (String key : s.publicKeys()) {
      config.putFile(key + ".yaml", "type: \"file-keystore\"\nkeyType: \"BLS\"\n"
          + "keystoreFile: \"" + ValidatorContext.KEYS_DIR + "/" + key + ".json\"\n"
          + "keystorePasswordFile: \"" + ValidatorContext.KEYS_DIR + "/" + key + ".txt\"\n");
    }
    return config.build();
  }

  static Workload database(Web3Signer s) {
    DataVolume.Builder data = DataVolume.builder().name("data").size(s.databaseStorage());
    s.storageClass().ifPresent(data::storageClass);
    // Named like its workload, so that Compose calls its service by the name the signer connects to.
    Container postgres = Container.builder().name(s.databaseWorkload()).image(s.databaseImage())
        .addEnv(EnvVar.literal("POSTGRES_USER", DATABASE_USER))
        .addEnv(EnvVar.literal("POSTGRES_DB", DATABASE))
        .addEnv(EnvVar.fromSecret("POSTGRES_PASSWORD", s.databaseSecretName(), PASSWORD_KEY))
        // A subdirectory, because a fresh volume's root may hold lost+found, which initdb refuses.
        .addEnv(EnvVar.literal("PGDATA", PGDATA_MOUNT + "/pgdata"))
        .addPort(Port.builder().name("postgres").number(POSTGRES_PORT).internalOnly(true).build())
        .addMount(VolumeMount.of("data", PGDATA_MOUNT))
        .addMount(VolumeMount.of("run", "/var/run/postgresql"))
        .addMount(VolumeMount.of("tmp", ContainerLayout.TMP))
        .resources(Resources.of("250m", "1", "256Mi", "1Gi"))
        .readiness(Probe.exec("pg_isready", "-U", DATABASE_USER, "-d", DATABASE))
        .liveness(Probe.tcp("postgres"))
        .build();
    return Workload.builder().name(s.databaseWorkload()).kind(WorkloadKind.STATEFUL)
        .putLabel("ethereum.chainwright.io/role", "slashing-protection-db")
        .addContainer(postgres)
        .addVolume(data.build())
        .addVolume(ScratchVolume.of("run"))
        .addVolume(ScratchVolume.of("tmp"))
        .build();
  }
}
