package io.chainwright.compose.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code compose.yaml}: services in start-friendly order, and the networks, named volumes and
 * secrets they use.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ComposeFile(
    Map<String, ServiceSpec> services,
    Map<String, Labelled> networks,
    Map<String, Labelled> volumes,
    Map<String, SecretSource> secrets) {

  public ComposeFile {
    services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
    networks = Collections.unmodifiableMap(new LinkedHashMap<>(networks));
    volumes = Collections.unmodifiableMap(new LinkedHashMap<>(volumes));
    secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
  }

  /** A network or named volume, which Compose creates with these labels. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Labelled(Map<String, String> labels) {}

  /** Where a secret's bytes are: a file, relative to the project folder or absolute. */
  public record SecretSource(String file) {}
}
