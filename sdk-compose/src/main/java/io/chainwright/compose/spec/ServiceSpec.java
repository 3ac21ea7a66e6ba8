package io.chainwright.compose.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Compose service, with the keys the backend renders, in the order it writes them. Absent
 * values are {@code null} or empty and are left out of the file.
 *
 * @param entrypoint the container's command, replacing the image's entrypoint
 * @param command the container's arguments
 * @param environment literal values, or {@code ${VARIABLE}} for a value Compose substitutes
 * @param ports published ports in the short syntax
 * @param networks the project network (and aliases) for a service with its own network stack
 * @param networkMode {@code service:<anchor>} for a service sharing another's network stack
 * @param restart {@code no} for services that run to completion
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ServiceSpec(
    String image,
    List<String> entrypoint,
    List<String> command,
    @JsonProperty("working_dir") String workingDir,
    Map<String, String> environment,
    List<String> ports,
    ServiceNetworks networks,
    @JsonProperty("network_mode") String networkMode,
    List<Mount> volumes,
    List<SecretMount> secrets,
    List<String> devices,
    Healthcheck healthcheck,
    @JsonProperty("depends_on") Map<String, DependsOn> dependsOn,
    String restart,
    Boolean init,
    List<String> profiles,
    String user,
    @JsonProperty("read_only") Boolean readOnly,
    @JsonProperty("cap_drop") List<String> capDrop,
    @JsonProperty("cap_add") List<String> capAdd,
    @JsonProperty("security_opt") List<String> securityOpt,
    Boolean privileged,
    Map<String, Object> deploy,
    Logging logging,
    Map<String, String> labels) {

  /** The value of {@code restart} for a service that runs once. */
  public static final String NO_RESTART = "no";

  /** Lists and maps are never null, and keep their order. */
  public ServiceSpec {
    entrypoint = list(entrypoint);
    command = list(command);
    environment = map(environment);
    ports = list(ports);
    volumes = list(volumes);
    secrets = list(secrets);
    devices = list(devices);
    dependsOn = map(dependsOn);
    profiles = list(profiles);
    capDrop = list(capDrop);
    capAdd = list(capAdd);
    securityOpt = list(securityOpt);
    deploy = map(deploy);
    labels = map(labels);
  }

  private static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  private static <K, V> Map<K, V> map(Map<K, V> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** This service, also waiting for {@code service} to reach {@code condition}. */
  public ServiceSpec withDependency(String service, String condition) {
    Map<String, DependsOn> deps = new LinkedHashMap<>(dependsOn);
    deps.put(service, new DependsOn(condition));
    return new ServiceSpec(image, entrypoint, command, workingDir, environment, ports, networks, networkMode, volumes, secrets,
        devices, healthcheck, deps, restart, init, profiles, user, readOnly, capDrop, capAdd, securityOpt, privileged, deploy,
        logging, labels);
  }

  /** True when the service runs to completion rather than staying up. */
  public boolean runsToCompletion() {
    return NO_RESTART.equals(restart);
  }

  /** The readiness check, if the service has one. */
  public Optional<Healthcheck> readiness() {
    return Optional.ofNullable(healthcheck);
  }

  /** A condition another service must reach before this one starts. */
  public record DependsOn(String condition) {}

  /** Where Compose keeps a service's logs, and how much. */
  public record Logging(String driver, Map<String, String> options) {}
}
