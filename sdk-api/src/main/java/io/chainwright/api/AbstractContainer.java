package io.chainwright.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.probe.Probe;
import io.chainwright.api.volume.VolumeMount;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/** One process image of a workload: what runs, with which environment, ports, mounts, resources and probes. */
@Value.Immutable
@JsonSerialize(as = Container.class)
@JsonDeserialize(as = Container.class)
abstract class AbstractContainer {
  public abstract String name();

  public abstract Image image();

  /** Replaces the image's entrypoint when given. */
  public abstract List<String> command();

  public abstract List<String> args();

  /**
   * Flags among the arguments, each given once as {@code --flag=host,host}, through which the
   * program takes the Host header values it answers to (its guard against DNS rebinding). Probes
   * and scrapers that address one replica directly send that replica's own address, which the
   * model cannot know, so each backend adds it to these lists: the pod's address on Kubernetes,
   * the service's name on Compose. No wildcard is needed.
   */
  public abstract List<String> hostAllowlistFlags();

  public abstract Optional<String> workingDir();

  public abstract List<EnvVar> env();

  public abstract List<Port> ports();

  public abstract List<VolumeMount> mounts();

  @Value.Default
  public Resources resources() {
    return Resources.none();
  }

  /** Passing means ready for traffic; a node that is still syncing is alive but not ready. */
  public abstract Optional<Probe> readiness();

  /** Failing means restart. */
  public abstract Optional<Probe> liveness();

  /** Holds off the other probes until the first success, for slow starters. */
  public abstract Optional<Probe> startup();

  @Value.Default
  public SecurityContext security() {
    return SecurityContext.restricted();
  }

  /** The arguments with {@code host} added to each {@linkplain #hostAllowlistFlags() host allowlist} that lacks it. */
  public List<String> argsAllowingHost(String host) {
    return args().stream().map(arg -> hostAllowlistFlags().stream()
        .filter(flag -> arg.startsWith(flag + "="))
        .findFirst()
        .map(flag -> allowing(flag, arg.substring(flag.length() + 1), host))
        .orElse(arg)).toList();
  }

  private static String allowing(String flag, String hosts, String host) {
    if (hosts.isEmpty()) {
      return flag + "=" + host;
    }
    return List.of(hosts.split(",")).contains(host) ? flag + "=" + hosts : flag + "=" + hosts + "," + host;
  }

  /** The port of this container called {@code name}. */
  public Optional<Port> port(String name) {
    return ports().stream().filter(p -> p.name().equals(name)).findFirst();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("containers", name());
    v.label("name", name());
    if (v.require("image", image())) {
      image().problem().ifPresent(p -> v.add("image", p));
    }
    workingDir().filter(d -> !d.startsWith("/")).ifPresent(d -> v.add("workingDir", "'" + d + "' is not an absolute path"));
    v.unique("env", env(), EnvVar::name);
    v.unique("ports", ports(), Port::name);
    v.unique("mounts", mounts(), VolumeMount::path);
    for (String flag : hostAllowlistFlags()) {
      long given = args().stream().filter(arg -> arg.startsWith(flag + "=")).count();
      if (!flag.startsWith("--") || flag.contains("=")) {
        v.add("hostAllowlistFlags", "'" + flag + "' is not a flag such as --host-allowlist");
      } else if (given != 1) {
        v.add("hostAllowlistFlags", flag + " must be given exactly once among the arguments as " + flag + "=<hosts>, not "
            + given + " times");
      }
    }
    Set<String> portNames = ports().stream().map(Port::name).collect(Collectors.toSet());
    checkProbe(v, "readiness", readiness(), portNames);
    checkProbe(v, "liveness", liveness(), portNames);
    checkProbe(v, "startup", startup(), portNames);
    v.require("resources", resources());
    v.require("security", security());
    v.throwIfAny();
  }

  private static void checkProbe(Violations v, String field, Optional<Probe> probe, Set<String> portNames) {
    probe.ifPresent(p -> p.portNames().stream()
        .filter(name -> !portNames.contains(name))
        .forEach(name -> v.in(field).add("check.port", "'" + name + "' is not a port of this container")));
  }
}
