package io.chainwright.l2.zksync;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Violations;
import io.chainwright.api.policy.Reach;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where zkSync components exchange large artefacts (witness inputs, proofs): a bucket reached with
 * credentials from a secret, or a local directory that only one workload can see.
 */
@Value.Immutable
@JsonSerialize(as = ObjectStore.class)
@JsonDeserialize(as = ObjectStore.class)
abstract class AbstractObjectStore {
  AbstractObjectStore() {}

  /** Where a bucket's credentials file is mounted. */
  static final String CREDENTIALS_DIR = "/secrets/object-store";
  static final String CREDENTIALS_KEY = "credentials.json";

  public abstract ObjectStoreMode mode();

  /** The bucket's base URL, for buckets. */
  public abstract Optional<String> bucketBaseUrl();

  /** The secret holding {@code credentials.json}, for buckets. */
  public abstract Optional<String> credentialsSecret();

  /** The directory, for file-backed storage. */
  @Value.Default
  public String fileBackedPath() {
    return "/artifacts";
  }

  /** A directory on the server's own volume: fine for a server without separate provers. */
  public static ObjectStore fileBacked() {
    return ObjectStore.builder().mode(ObjectStoreMode.FILE_BACKED).build();
  }

  /** A Google Cloud Storage bucket, with the service account's key under {@code credentials.json} of {@code secret}. */
  public static ObjectStore gcs(String bucketBaseUrl, String secret) {
    return ObjectStore.builder().mode(ObjectStoreMode.GCS_WITH_CREDENTIAL_FILE).bucketBaseUrl(bucketBaseUrl).credentialsSecret(secret).build();
  }

  /** True when components in different workloads can share it. */
  public boolean shared() {
    return mode() != ObjectStoreMode.FILE_BACKED;
  }

  /** Where a reader of the store connects: Google Cloud Storage over HTTPS; nowhere for files. */
  public List<Reach> reaches() {
    return shared() ? List.of(Reach.outside("443")) : List.of();
  }

  /** The settings as environment variables named with {@code prefix}, e.g. {@code OBJECT_STORE}. */
  List<EnvVar> env(String prefix) {
    List<EnvVar> env = new ArrayList<>();
    env.add(EnvVar.literal(prefix + "_MODE", mode().id()));
    bucketBaseUrl().ifPresent(u -> env.add(EnvVar.literal(prefix + "_BUCKET_BASE_URL", u)));
    if (mode() == ObjectStoreMode.GCS_WITH_CREDENTIAL_FILE) {
      env.add(EnvVar.literal(prefix + "_GCS_CREDENTIAL_FILE_PATH", CREDENTIALS_DIR + "/" + CREDENTIALS_KEY));
    } else {
      env.add(EnvVar.literal(prefix + "_FILE_BACKED_BASE_PATH", fileBackedPath()));
    }
    return env;
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("objectStore");
    if (v.require("mode", mode()) && mode() == ObjectStoreMode.GCS_WITH_CREDENTIAL_FILE) {
      if (bucketBaseUrl().isEmpty()) {
        v.add("bucketBaseUrl", "a bucket needs its base URL");
      }
      if (credentialsSecret().isEmpty()) {
        v.add("credentialsSecret", "a bucket needs the secret that holds credentials.json");
      }
    }
    if (mode() == ObjectStoreMode.FILE_BACKED && (bucketBaseUrl().isPresent() || credentialsSecret().isPresent())) {
      v.add("mode", "file-backed storage takes no bucket or credentials");
    }
    credentialsSecret().ifPresent(s -> v.subdomain("credentialsSecret", s));
    if (v.require("fileBackedPath", fileBackedPath()) && !fileBackedPath().startsWith("/")) {
      v.add("fileBackedPath", "'" + fileBackedPath() + "' is not an absolute path");
    }
    v.throwIfAny();
  }
}
