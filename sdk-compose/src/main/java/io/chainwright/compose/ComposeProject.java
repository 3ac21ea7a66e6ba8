package io.chainwright.compose;

import io.chainwright.api.SecretValue;
import io.chainwright.api.backend.Rendering;
import io.chainwright.compose.spec.ComposeFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rendered Compose project: {@code compose.yaml} and the config files it refers to, plus the
 * secret files and {@code .env} variables it needs. Secret values stay with their sources until
 * {@link #writeTo} reads them, and are written readable by the owner only.
 *
 * @param name the Compose project name
 * @param plan how the network's workloads map onto services, shared with the runtimes
 * @param compose the typed {@code compose.yaml}, which both runtimes run
 * @param files relative path to content, in a stable order; never secret values
 * @param secretFiles relative path to the secret value that file holds
 * @param dotEnv {@code .env} variable to the secret value it holds
 */
public record ComposeProject(
    String name,
    ServicePlan plan,
    ComposeFile compose,
    Map<String, String> files,
    Map<String, SecretValue> secretFiles,
    Map<String, SecretValue> dotEnv)
    implements Rendering {
  public static final String COMPOSE_FILE = "compose.yaml";
  public static final String DOT_ENV = ".env";
  private static final Logger LOG = LoggerFactory.getLogger(ComposeProject.class);

  public ComposeProject {
    files = Collections.unmodifiableMap(new TreeMap<>(files));
    secretFiles = Collections.unmodifiableMap(new TreeMap<>(secretFiles));
    dotEnv = Collections.unmodifiableMap(new TreeMap<>(dotEnv));
  }

  /** Secret files whose value comes from the caller's environment, with the variable each is written from. */
  public Map<String, String> environmentSecretFiles() {
    Map<String, String> out = new TreeMap<>();
    secretFiles.forEach((file, value) -> value.env().ifPresent(variable -> out.put(file, variable)));
    return out;
  }

  /** The text of {@code compose.yaml}. */
  public String composeYaml() {
    return files.get(COMPOSE_FILE);
  }

  /** Writes every file, reading secret values now; secret files and {@code .env} are owner-only from the start. */
  @Override
  public Collection<String> writeFiles(Path directory) throws IOException {
    List<String> written = new ArrayList<>(Rendering.super.writeFiles(directory));
    for (Map.Entry<String, SecretValue> secret : secretFiles.entrySet()) {
      Optional<String> unset = secret.getValue().env().filter(variable -> System.getenv(variable) == null);
      if (unset.isPresent()) {
        // The value lives in the caller's environment, which this process does not have; it is theirs to supply.
        LOG.warn("Not writing {}: environment variable {} is not set; write the file before starting the project",
            directory.resolve(secret.getKey()), unset.get());
        continue;
      }
      OwnerOnlyFiles.write(Rendering.prepare(directory, secret.getKey()), secret.getValue().resolve());
      written.add(secret.getKey());
    }
    if (!dotEnv.isEmpty()) {
      StringBuilder env = new StringBuilder();
      dotEnv.forEach((k, v) -> env.append(k).append('=').append(new String(v.resolve(), StandardCharsets.UTF_8)).append('\n'));
      OwnerOnlyFiles.write(Rendering.prepare(directory, DOT_ENV), env.toString());
      written.add(DOT_ENV);
    } else {
      Files.deleteIfExists(directory.resolve(DOT_ENV));
    }
    return written;
  }

  /** Never the secret values. */
  @Override
  public String toString() {
    return "ComposeProject[" + name + ", files=" + files.keySet() + ", secretFiles=" + secretFiles.keySet() + "]";
  }
}
