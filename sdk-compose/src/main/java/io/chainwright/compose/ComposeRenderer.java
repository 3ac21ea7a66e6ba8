package io.chainwright.compose;

import io.chainwright.api.Container;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Quantity;
import io.chainwright.api.Seccomp;
import io.chainwright.api.Secret;
import io.chainwright.api.SecretValue;
import io.chainwright.api.SecurityContext;
import io.chainwright.api.Violations;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.backend.OwnershipLabels;
import io.chainwright.api.exposure.NodePortExposure;
import io.chainwright.api.policy.AlertRouting;
import io.chainwright.api.policy.MonitoringPolicy;
import io.chainwright.api.volume.ConfigVolume;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.DeviceVolume;
import io.chainwright.api.volume.ScratchVolume;
import io.chainwright.api.volume.SecretVolume;
import io.chainwright.api.volume.Volume;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.compose.spec.ComposeFile;
import io.chainwright.compose.spec.ComposeYaml;
import io.chainwright.compose.spec.Interpolation;
import io.chainwright.compose.spec.Mount;
import io.chainwright.compose.spec.SecretMount;
import io.chainwright.compose.spec.ServiceNetworks;
import io.chainwright.compose.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Renders a network as a Compose project. Pure: it reads secret values from their sources but
 * writes nothing; {@link ComposeProject#writeTo} does that.
 *
 * <p>By default only ports that leave the network are published. Node ports and load balancers
 * publish on every interface; an ingress publishes on loopback only, because Compose has no TLS in
 * front of it. Internal-only ports are never published, whatever {@link PortPublishing} says.
 *
 * <p>The output is the part of the Compose specification that Compose v1.29 and v2 both run.
 */
public final class ComposeRenderer {
  public static final String CRON_PROFILE = "cron-jobs";
  /** The image of the one-shot services that hand fresh named volumes to non-root services. */
  public static final String VOLUME_OWNER_IMAGE = VolumeOwners.IMAGE;

  private final Network network;
  private final ServicePlan plan;
  private final Map<String, String> files = new TreeMap<>();
  private final Map<String, SecretValue> secretFiles = new TreeMap<>();
  private final Map<String, ComposeFile.SecretSource> secrets = new TreeMap<>();
  private final Map<String, ComposeFile.Labelled> volumes = new TreeMap<>();
  /** Service name to the named data volumes it mounts, which a non-root service needs handed to it. */
  private final Map<String, Set<String>> dataVolumes = new TreeMap<>();
  private final Map<String, SecretValue> dotEnv = new TreeMap<>();
  private final Violations problems = Violations.root();

  private final PortPublishing publishing;

  private ComposeRenderer(Network network, PortPublishing publishing) {
    this.network = network;
    this.publishing = publishing;
    this.plan = ServicePlan.of(network);
  }

  /** The Compose project for {@code network}, publishing ports as their exposures say. */
  public static ComposeProject render(Network network) {
    return render(network, PortPublishing.AS_EXPOSED);
  }

  /** The Compose project for {@code network}, publishing ports as {@code publishing} says. */
  public static ComposeProject render(Network network, PortPublishing publishing) {
    NotRendered.warnOnce(network);
    return new ComposeRenderer(network, publishing).project();
  }

  private ComposeProject project() {
    Map<String, ServiceSpec> services = new LinkedHashMap<>();
    for (ComposeService s : plan.services()) {
      ServiceSpec service = service(s);
      Set<String> owned = dataVolumes.getOrDefault(s.name(), Set.of());
      SecurityContext sc = s.container().security();
      if (!owned.isEmpty() && sc.runAsUser() != 0) {
        String owner = VolumeOwners.nameFor(s.name());
        services.put(owner, VolumeOwners.service(owned, sc.runAsUser(), sc.runAsGroup(), OwnershipLabels.of(network, s.workload())));
        service = service.withDependency(owner, ComposeService.COMPLETED);
      }
      services.put(s.name(), service);
    }
    problems.throwIfAny();

    ComposeFile compose = new ComposeFile(services, Map.of(network.name(), new ComposeFile.Labelled(OwnershipLabels.of(network))),
        volumes, secrets);
    files.put(ComposeProject.COMPOSE_FILE, environmentNote() + ComposeYaml.write(compose));
    network.monitoring().ifPresent(m -> files.putAll(PrometheusFiles.render(network, plan)));
    network.monitoring().flatMap(MonitoringPolicy::routing).ifPresent(this::alertmanager);
    return new ComposeProject(network.name(), plan, compose, files, secretFiles, dotEnv);
  }

  private ServiceSpec service(ComposeService s) {
    Container c = s.container();
    Workload w = s.workload();
    Violations at = problems.in("workloads", w.name()).in("containers", c.name());
    List<String> ports = List.of();
    ServiceNetworks networks = null;
    String networkMode = null;
    if (s.isAnchor()) {
      ports = publishedPorts(plan.servicesOf(w.name()).stream()
          .filter(o -> o.replica() == s.replica() && o.anchor().equals(s.name())).toList());
      // Replicas are separate services; the workload's own name reaches any of them, as a Kubernetes Service does.
      networks = new ServiceNetworks(network.name(), ServicePlan.replicas(w) > 1 ? List.of(w.name()) : List.of());
    } else {
      networkMode = "service:" + s.anchor();
    }
    List<Mount> mounts = new ArrayList<>();
    List<SecretMount> serviceSecrets = new ArrayList<>();
    Set<String> devices = new LinkedHashSet<>();
    mounts(s, mounts, serviceSecrets, devices);
    Map<String, ServiceSpec.DependsOn> dependsOn = new LinkedHashMap<>();
    s.dependsOn().forEach((name, condition) -> dependsOn.put(name, new ServiceSpec.DependsOn(condition)));
    Map<String, String> labels = OwnershipLabels.of(network, w);
    w.cron().ifPresent(cron -> labels.put(OwnershipLabels.SCHEDULE, cron.schedule()));
    SecurityContext sc = c.security();
    return new ServiceSpec(
        c.image().reference(),
        c.command().stream().map(Interpolation::literal).toList(),
        // Prometheus and other services reach a replica by its service's name, which each host allowlist must then hold.
        c.argsAllowingHost(s.anchor()).stream().map(Interpolation::literal).toList(),
        c.workingDir().orElse(null),
        ComposeEnvironment.of(network, s, at, dotEnv),
        ports,
        networks,
        networkMode,
        mounts,
        serviceSecrets,
        List.copyOf(devices),
        c.readiness().map(p -> ComposeHealthchecks.of(c, p)).orElse(null),
        dependsOn,
        s.runsToCompletion() ? ServiceSpec.NO_RESTART : "unless-stopped",
        // A program that is PID 1 ignores SIGTERM unless it handles it, so a stop would wait out the grace period and kill it.
        true,
        w.kind() == WorkloadKind.CRON_JOB ? List.of(CRON_PROFILE) : List.of(),
        sc.runAsUser() + ":" + sc.runAsGroup(),
        sc.readOnlyRootFilesystem() ? true : null,
        List.of("ALL"),
        sc.capabilities(),
        securityOptions(sc),
        sc.privileged() ? true : null,
        ComposeResources.of(c.resources()).map(r -> Map.<String, Object>of("resources", r)).orElse(Map.of()),
        new ServiceSpec.Logging("json-file", ordered("max-size", "10m", "max-file", "3")),
        labels);
  }

  /**
   * Ports in the short syntax ({@code [address:][published]:target/protocol}), the one form that
   * Compose v1.29 and v2 both accept with a host address.
   */
  private List<String> publishedPorts(List<ComposeService> sharingNetwork) {
    List<String> ports = new ArrayList<>();
    for (ComposeService s : sharingNetwork) {
      for (Port p : s.container().ports()) {
        if (p.internalOnly() || !(p.exposure().leavesNetwork() || publishing == PortPublishing.LOOPBACK_ANY_PORT)) {
          continue;
        }
        String protocol = "/" + p.protocol().name().toLowerCase(java.util.Locale.ROOT);
        if (publishing == PortPublishing.LOOPBACK_ANY_PORT) {
          // The engine picks a free port; the runtime asks it which.
          ports.add("127.0.0.1::" + p.number() + protocol);
          continue;
        }
        // One host has one of each port: replicas publish at consecutive numbers.
        int published = (p.exposure() instanceof NodePortExposure np ? np.nodePort().orElse(p.number()) : p.number())
            + s.replica();
        // A port a gateway or an ingress publishes is for the proxy in front of it, on this host only.
        String address = p.exposure().publicHost().isPresent() ? "127.0.0.1:" : "";
        ports.add(address + published + ":" + p.number() + protocol);
      }
    }
    return ports;
  }

  private void mounts(ComposeService s, List<Mount> mounts, List<SecretMount> serviceSecrets, Set<String> devices) {
    for (VolumeMount m : s.container().mounts()) {
      Volume v = s.workload().volume(m.volume()).orElseThrow();
      Boolean readOnly = m.readOnly() ? true : null;
      switch (v) {
        case DataVolume data -> {
          // Compose files of this schema cannot mount a volume's sub-folder, so a sub-path gets a volume of its own.
          String name = ComposeNames.dataVolume(s, data.name()) + m.subPath().map(p -> "-" + p.replaceAll("[^a-zA-Z0-9_.-]", "-")).orElse("");
          Map<String, String> labels = OwnershipLabels.of(network, s.workload());
          // Read by the runtimes' teardown, which Compose alone cannot tell to keep some volumes and not others.
          labels.put(OwnershipLabels.KEEP_ON_DELETE, Boolean.toString(data.keepOnDelete()));
          volumes.put(name, new ComposeFile.Labelled(labels));
          dataVolumes.computeIfAbsent(s.name(), k -> new LinkedHashSet<>()).add(name);
          mounts.add(new Mount(Mount.VOLUME, name, m.path(), readOnly, null));
        }
        case ScratchVolume scratch when !scratch.inMemory() && sharedByContainers(s, scratch) -> {
          // A pod's containers share an emptyDir; Compose's anonymous volumes are per container, so a shared one is named.
          String name = ComposeNames.dataVolume(s, scratch.name());
          Map<String, String> labels = OwnershipLabels.of(network, s.workload());
          labels.put(OwnershipLabels.KEEP_ON_DELETE, "false");
          labels.put(OwnershipLabels.SCRATCH, "true");
          volumes.put(name, new ComposeFile.Labelled(labels));
          dataVolumes.computeIfAbsent(s.name(), k -> new LinkedHashSet<>()).add(name);
          mounts.add(new Mount(Mount.VOLUME, name, m.path(), readOnly, null));
        }
        case ScratchVolume scratch -> mounts.add(new Mount(scratch.inMemory() ? Mount.TMPFS : Mount.VOLUME, null, m.path(), readOnly,
            scratch.sizeLimit().filter(x -> scratch.inMemory()).map(size -> new Mount.Tmpfs(Quantity.parse(size).toLongCeiling())).orElse(null)));
        case ConfigVolume config -> {
          String dir = ComposeNames.configDirectory(s.workload().name(), config.name());
          config.files().forEach((file, content) -> files.put(dir + "/" + file, content));
          mounts.add(new Mount(Mount.BIND, "./" + dir, m.path(), true, null));
        }
        case SecretVolume secretVolume -> secretMounts(secretVolume, m, serviceSecrets, mounts);
        case DeviceVolume device -> devices.add(device.hostPath() + ":" + m.path());
      }
    }
  }

  /** True when more than one container of the workload (init containers and sidecars too) mounts {@code scratch}. */
  private static boolean sharedByContainers(ComposeService s, ScratchVolume scratch) {
    return s.workload().allContainers().stream()
        .filter(c -> c.mounts().stream().anyMatch(m -> m.volume().equals(scratch.name()))).count() > 1;
  }

  /** Each mounted key becomes a Compose secret at {@code <path>/<key or item path>}; a provided secret is a folder the caller fills. */
  private void secretMounts(SecretVolume volume, VolumeMount m, List<SecretMount> serviceSecrets, List<Mount> mounts) {
    Secret secret = network.secret(volume.secret()).orElseThrow();
    if (secret.provided()) {
      mounts.add(new Mount(Mount.BIND, "./" + ComposeNames.providedSecretDirectory(secret.name()), m.path(), true, null));
      return;
    }
    secret.data().forEach((key, value) -> volume.pathOf(key).ifPresent(path -> {
      String name = ComposeNames.secret(secret.name(), key);
      String file = ComposeNames.secretFile(secret.name(), key);
      // Compose v1.29 reads secrets from files only; a value from the caller's environment is written to its file
      // when the project is written with that variable set, and is the caller's to write otherwise.
      if (value.file().isEmpty()) {
        secretFiles.put(file, value);
      }
      secrets.put(name, new ComposeFile.SecretSource(value.file().orElse("./" + file)));
      serviceSecrets.add(new SecretMount(name, m.path() + "/" + path, m.path()));
    }));
  }

  /** The alert routing as a file for the caller's Alertmanager, with the credentials it reads among the project's secret files. */
  private void alertmanager(AlertRouting routing) {
    files.put(AlertmanagerFile.PATH, AlertmanagerFile.render(routing));
    routing.receivers().forEach(r -> r.credential().ifPresent(ref -> {
      Secret secret = network.secret(ref.secret()).orElseThrow();
      // A provided secret's folder is the caller's to fill; a value in a file of the caller's stays there.
      Optional.ofNullable(secret.data().get(ref.key())).filter(value -> value.file().isEmpty())
          .ifPresent(value -> secretFiles.put(ComposeNames.secretFile(ref.secret(), ref.key()), value));
    }));
  }

  /** A comment naming the secret files that come from the caller's environment; empty when there are none. */
  private String environmentNote() {
    StringBuilder note = new StringBuilder();
    secretFiles.forEach((file, value) -> value.env().ifPresent(variable ->
        note.append("#   ./").append(file).append(" from ").append(variable).append('\n')));
    return note.isEmpty() ? "" : "# Secret files written from the environment: set each variable before the project is written,\n"
        + "# or write the file yourself (owner-only) before it starts:\n" + note;
  }

  private static List<String> securityOptions(SecurityContext sc) {
    List<String> options = new ArrayList<>();
    if (!sc.allowPrivilegeEscalation()) {
      options.add("no-new-privileges:true");
    }
    if (sc.seccomp() == Seccomp.UNCONFINED) {
      options.add("seccomp:unconfined");
    }
    return options;
  }

  /** A map that keeps the order given, so the same network always gives the same file. */
  private static Map<String, String> ordered(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
