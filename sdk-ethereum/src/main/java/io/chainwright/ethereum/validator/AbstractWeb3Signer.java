package io.chainwright.ethereum.validator;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Image;
import io.chainwright.api.Names;
import io.chainwright.api.Violations;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Web3Signer holding validator keys, with a PostgreSQL slashing-protection database shared by
 * all its replicas: it refuses to sign anything that could get a key slashed, whichever validator
 * client asks. Compiled into a signer workload, a database workload and a freshly generated
 * database password secret.
 */
@Value.Immutable
@JsonSerialize(as = Web3Signer.class)
@JsonDeserialize(as = Web3Signer.class)
abstract class AbstractWeb3Signer {
  /** The signer's workload name; the database is {@code <name>-db}. */
  @Value.Default
  public String name() {
    return "web3signer";
  }

  @Value.Default
  public Image image() {
    return Image.of("consensys/web3signer:25.11.0");
  }

  /** The image that applies Web3Signer's database migrations before it starts. */
  @Value.Default
  public Image migrationImage() {
    return Image.of("flyway/flyway:11.9.1");
  }

  @Value.Default
  public Image databaseImage() {
    return Image.of("postgres:17.6");
  }

  /** The BLS public keys it holds. */
  public abstract List<String> publicKeys();

  /** A provided secret holding {@code <public key>.json} keystores and {@code <public key>.txt} passwords. */
  public abstract String keystoreSecret();

  /** Signer replicas, spread across zones; the shared database keeps them from signing twice. */
  @Value.Default
  public int replicas() {
    return 2;
  }

  @Value.Default
  public String databaseStorage() {
    return "10Gi";
  }

  public abstract Optional<String> storageClass();

  @Value.Default
  public int httpPort() {
    return 9000;
  }

  @Value.Default
  public int metricsPort() {
    return 9001;
  }

  /** The address validator clients sign through. */
  public String url() {
    return "http://" + name() + ":" + httpPort();
  }

  /** The database workload's name. */
  public String databaseWorkload() {
    return name() + "-db";
  }

  /** The generated database password's secret name. */
  public String databaseSecretName() {
    return name() + "-db-password";
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("web3Signer");
    v.label("name", name());
    if (Names.dnsLabelProblem(name()).isEmpty()) {
      Names.dnsLabelProblem(databaseSecretName()).ifPresent(p -> v.add("name", "'" + databaseSecretName() + "' " + p));
    }
    v.require("image", image());
    v.require("migrationImage", migrationImage());
    v.require("databaseImage", databaseImage());
    BlsKeys.check(v, "publicKeys", publicKeys());
    v.subdomain("keystoreSecret", keystoreSecret());
    v.range("replicas", replicas(), 1, 10, "a replica count");
    v.quantity("databaseStorage", Optional.ofNullable(databaseStorage()));
    storageClass().ifPresent(c -> v.subdomain("storageClass", c));
    v.range("httpPort", httpPort(), 1, 65535, "a port");
    v.range("metricsPort", metricsPort(), 1, 65535, "a port");
    if (httpPort() == metricsPort()) {
      v.add("metricsPort", metricsPort() + " is already the httpPort");
    }
    v.throwIfAny();
  }
}
