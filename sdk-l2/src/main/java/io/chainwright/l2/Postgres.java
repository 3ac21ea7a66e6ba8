package io.chainwright.l2;

import io.chainwright.api.Container;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Image;
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
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.ScratchVolume;
import io.chainwright.api.volume.VolumeMount;
import java.util.Optional;

/**
 * A PostgreSQL database of its own for one rollup component, with a generated password (made once
 * in the network's material) kept in a secret together with the connection URL the component reads.
 */
public record Postgres(String workload, String database, String user, Secret secret) {
  public static final Image IMAGE = Image.of("postgres:16.6");
  public static final int PORT = 5432;
  /** Secret keys: the bare password, and the whole connection URL. */
  public static final String PASSWORD_KEY = "password";
  public static final String URL_KEY = "url";

  /** A database named {@code database} owned by {@code user}, served by workload {@code workload}, its password from {@code materials}. */
  public static Postgres create(String workload, String database, String user, Materials materials) {
    // Hex, so the password can stand in a connection URL unescaped.
    String password = new String(materials.randomHex(workload, PASSWORD_KEY, 16).resolve(), java.nio.charset.StandardCharsets.US_ASCII);
    String url = "postgres://" + user + ":" + password + "@" + workload + ":" + PORT + "/" + database;
    Secret secret = Secret.builder().name(workload + "-credentials")
        .putData(PASSWORD_KEY, SecretValue.of(password))
        .putData(URL_KEY, SecretValue.of(url))
        .build();
    return new Postgres(workload, database, user, secret);
  }

  /** The password, resolved for files that must hold it, such as a prover's config kept in a secret. */
  public String password() {
    return new String(secret.data().get(PASSWORD_KEY).resolve(), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Where a client of this database connects. */
  public Reach reach() {
    return Reach.workload(workload, "postgres");
  }

  public EnvVar passwordEnv(String name) {
    return EnvVar.fromSecret(name, secret.name(), PASSWORD_KEY);
  }

  public EnvVar urlEnv(String name) {
    return EnvVar.fromSecret(name, secret.name(), URL_KEY);
  }

  /** The database's stateful workload: data on its own volume, ready when it accepts connections. */
  public Workload toWorkload(String size, Optional<String> storageClass) {
    return toWorkload(size, storageClass, Optional.empty());
  }

  /** The same, with {@code initSql} run once when the database is first created. */
  public Workload toWorkload(String size, Optional<String> storageClass, Optional<String> initSql) {
    DataVolume.Builder data = DataVolume.builder().name("data").size(size);
    storageClass.ifPresent(data::storageClass);
    Container.Builder postgres = Container.builder();
    Workload.Builder w = Workload.builder();
    initSql.ifPresent(sql -> {
      w.addVolume(ConfigVolume.builder().name("init").putFile("init.sql", sql).build());
      postgres.addMount(VolumeMount.readOnly("init", "/docker-entrypoint-initdb.d"));
    });
    return w
        .name(workload)
        .kind(WorkloadKind.STATEFUL)
        .putLabel(L2Labels.ROLE, "database")
        .addContainer(postgres
            .name(workload)
            .image(IMAGE)
            .addEnv(EnvVar.literal("POSTGRES_DB", database))
            .addEnv(EnvVar.literal("POSTGRES_USER", user))
            .addEnv(passwordEnv("POSTGRES_PASSWORD"))
            // A sub-directory: the volume's root holds lost+found on many file systems, which initdb refuses.
            .addEnv(EnvVar.literal("PGDATA", "/var/lib/postgresql/data/pgdata"))
            .addPort(Port.tcp("postgres", PORT))
            .addMount(VolumeMount.of("data", "/var/lib/postgresql/data"))
            .addMount(VolumeMount.of("run", "/var/run/postgresql"))
            .addMount(VolumeMount.of("tmp", "/tmp"))
            .resources(Resources.of("1", "4", "4Gi", "8Gi"))
            .readiness(Probe.exec("pg_isready", "-U", user, "-d", database))
            .liveness(Probe.tcp("postgres"))
            .build())
        .addVolume(data.build())
        .addVolume(ScratchVolume.of("run"))
        .addVolume(ScratchVolume.of("tmp"))
        .build();
  }
}
