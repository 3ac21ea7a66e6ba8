package io.chainwright.compose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainwright.api.ConfigVolume;
import io.chainwright.api.Container;
import io.chainwright.api.DataVolume;
import io.chainwright.api.DeviceVolume;
import io.chainwright.api.EnvVar;
import io.chainwright.api.IngressExposure;
import io.chainwright.api.Network;
import io.chainwright.api.NodePortExposure;
import io.chainwright.api.Port;
import io.chainwright.api.Quantity;
import io.chainwright.api.RenderException;
import io.chainwright.api.ScratchVolume;
import io.chainwright.api.Seccomp;
import io.chainwright.api.Secret;
import io.chainwright.api.SecretKeyRef;
import io.chainwright.api.SecretValue;
import io.chainwright.api.SecretVolume;
import io.chainwright.api.SecurityContext;
import io.chainwright.api.UsageException;
import io.chainwright.api.Violations;
import io.chainwright.api.Volume;
import io.chainwright.api.VolumeMount;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.backend.OwnershipLabels;
import io.chainwright.api.yaml.YamlFactories;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

  private static final ObjectMapper YAML = new ObjectMapper(YamlFactories.strict());

  private final Network network;
  private final ServicePlan plan;
  private final Map<String, String> files = new TreeMap<>();
  private final Map<String, SecretValue> secretFiles = new TreeMap<>();
  private final Map<String, Object> secrets = new TreeMap<>();
  private final Map<String, Object> volumes = new TreeMap<>();
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
    Map<String, Object> services = new LinkedHashMap<>();
    for (ComposeService s : plan.services()) {
      Map<String, Object> service = service(s);
      Set<String> owned = dataVolumes.getOrDefault(s.name(), Set.of());
      SecurityContext sc = s.container().security();
      if (!owned.isEmpty() && sc.runAsUser() != 0) {
        String owner = VolumeOwners.nameFor(s.name());
        services.put(owner, VolumeOwners.service(owned, sc.runAsUser(), sc.runAsGroup(), OwnershipLabels.of(network, s.workload())));
        @SuppressWarnings("unchecked")
        Map<String, Object> deps = (Map<String, Object>) service.computeIfAbsent("depends_on", k -> new LinkedHashMap<>());
        deps.put(owner, ordered("condition", ComposeService.COMPLETED));
      }
      services.put(s.name(), service);
    }
    problems.throwIfAny();

    Map<String, Object> compose = new LinkedHashMap<>();
    compose.put("services", services);
    compose.put("networks", ordered(network.name(), ordered("labels", OwnershipLabels.of(network))));
    if (!volumes.isEmpty()) {
      compose.put("volumes", volumes);
    }
    if (!secrets.isEmpty()) {
      compose.put("secrets", secrets);
    }
    files.put(ComposeProject.COMPOSE_FILE, environmentNote() + yaml(compose));
    return new ComposeProject(network.name(), plan, files, secretFiles, dotEnv);
  }

  private Map<String, Object> service(ComposeService s) {
    Container c = s.container();
    Workload w = s.workload();
    Violations at = problems.in("workloads", w.name()).in("containers", c.name());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("image", c.image().reference());
    if (!c.command().isEmpty()) {
      out.put("entrypoint", c.command());
    }
    if (!c.args().isEmpty()) {
      out.put("command", c.args());
    }
    c.workingDir().ifPresent(d -> out.put("working_dir", d));
    Map<String, String> environment = environment(s, at);
    if (!environment.isEmpty()) {
      out.put("environment", environment);
    }
    if (s.isAnchor()) {
      List<Object> ports = publishedPorts(plan.servicesOf(w.name()).stream()
          .filter(o -> o.replica() == s.replica() && o.anchor().equals(s.name())).toList());
      if (!ports.isEmpty()) {
        out.put("ports", ports);
      }
      // Replicas are separate services; the workload's own name reaches any of them, as a Kubernetes Service does.
      out.put("networks", ServicePlan.replicas(w) > 1
          ? ordered(network.name(), ordered("aliases", List.of(w.name())))
          : List.of(network.name()));
    } else {
      out.put("network_mode", "service:" + s.anchor());
    }
    mounts(s, out);
    c.readiness().ifPresent(p -> out.put("healthcheck", ComposeHealthchecks.of(c, p)));
    if (!s.dependsOn().isEmpty()) {
      Map<String, Object> deps = new LinkedHashMap<>();
      s.dependsOn().forEach((name, condition) -> deps.put(name, ordered("condition", condition)));
      out.put("depends_on", deps);
    }
    out.put("restart", s.runsToCompletion() ? "no" : "unless-stopped");
    // A program that is PID 1 ignores SIGTERM unless it handles it, so a stop would wait out the grace period and kill it.
    out.put("init", true);
    if (w.kind() == WorkloadKind.CRON_JOB) {
      out.put("profiles", List.of(CRON_PROFILE));
    }
    security(c.security(), out);
    ComposeResources.of(c.resources()).ifPresent(r -> out.put("deploy", ordered("resources", r)));
    out.put("logging", ordered("driver", "json-file", "options", ordered("max-size", "10m", "max-file", "3")));
    Map<String, String> labels = OwnershipLabels.of(network, w);
    w.cron().ifPresent(cron -> labels.put(OwnershipLabels.SCHEDULE, cron.schedule()));
    out.put("labels", labels);
    return out;
  }

  private Map<String, String> environment(ComposeService s, Violations at) {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar e : s.container().env()) {
      if (e.value().isPresent()) {
        env.put(e.name(), e.value().get());
      } else if (e.secret().isPresent()) {
        env.put(e.name(), "${" + secretVariable(e.secret().get()) + "}");
      } else {
        switch (e.field().orElseThrow()) {
          case POD_NAME -> env.put(e.name(), s.name());
          case NAMESPACE -> env.put(e.name(), network.namespace());
          case NODE_NAME -> env.put(e.name(), "localhost");
          case POD_IP, HOST_IP -> at.in("env", e.name()).add("field",
              e.field().get() + " has no Compose equivalent; pass the address another way");
        }
      }
    }
    return env;
  }

  /**
   * The variable Compose substitutes for a secret-backed environment variable. A value that comes
   * from the caller's environment is referenced as it is; other values go to {@code .env}; a
   * provided secret's variable is the caller's to set.
   */
  private String secretVariable(SecretKeyRef ref) {
    Secret secret = network.secret(ref.secret()).orElseThrow();
    if (secret.provided()) {
      return ComposeNames.secretVariable(ref.secret(), ref.key());
    }
    SecretValue value = secret.data().get(ref.key());
    if (value.env().isPresent()) {
      return value.env().get();
    }
    String variable = ComposeNames.secretVariable(ref.secret(), ref.key());
    dotEnv.put(variable, value);
    return variable;
  }

  /**
   * Ports in the short syntax ({@code [address:][published]:target/protocol}), the one form that
   * Compose v1.29 and v2 both accept with a host address.
   */
  private List<Object> publishedPorts(List<ComposeService> sharingNetwork) {
    List<Object> ports = new ArrayList<>();
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
        String address = p.exposure() instanceof IngressExposure ? "127.0.0.1:" : "";
        ports.add(address + published + ":" + p.number() + protocol);
      }
    }
    return ports;
  }

  private void mounts(ComposeService s, Map<String, Object> out) {
    List<Object> mounts = new ArrayList<>();
    List<Object> serviceSecrets = new ArrayList<>();
    Set<String> devices = new LinkedHashSet<>();
    for (VolumeMount m : s.container().mounts()) {
      Volume v = s.workload().volume(m.volume()).orElseThrow();
      switch (v) {
        case DataVolume data -> {
          // Compose files of this schema cannot mount a volume's sub-folder, so a sub-path gets a volume of its own.
          String name = ComposeNames.dataVolume(s, data.name()) + m.subPath().map(p -> "-" + p.replaceAll("[^a-zA-Z0-9_.-]", "-")).orElse("");
          Map<String, String> labels = OwnershipLabels.of(network, s.workload());
          // Read by the runtime's teardown, which Compose alone cannot tell to keep some volumes and not others.
          labels.put(OwnershipLabels.KEEP_ON_DELETE, Boolean.toString(data.keepOnDelete()));
          volumes.put(name, ordered("labels", labels));
          dataVolumes.computeIfAbsent(s.name(), k -> new LinkedHashSet<>()).add(name);
          mounts.add(mount("volume", name, m));
        }
        case ScratchVolume scratch -> {
          Map<String, Object> tmpfs = mount(scratch.inMemory() ? "tmpfs" : "volume", null, m);
          scratch.sizeLimit().filter(x -> scratch.inMemory())
              .ifPresent(size -> tmpfs.put("tmpfs", ordered("size", Quantity.parse(size).toLongCeiling())));
          mounts.add(tmpfs);
        }
        case ConfigVolume config -> {
          String dir = ComposeNames.configDirectory(s.workload().name(), config.name());
          config.files().forEach((file, content) -> files.put(dir + "/" + file, content));
          mounts.add(mount("bind", "./" + dir, VolumeMount.builder().from(m).readOnly(true).build()));
        }
        case SecretVolume secretVolume -> secretMounts(secretVolume, m, serviceSecrets, mounts);
        case DeviceVolume device -> devices.add(device.hostPath() + ":" + m.path());
        default -> throw new UsageException("Volume type " + v.getClass().getName() + " is not one this backend knows");
      }
    }
    if (!mounts.isEmpty()) {
      out.put("volumes", mounts);
    }
    if (!serviceSecrets.isEmpty()) {
      out.put("secrets", serviceSecrets);
    }
    if (!devices.isEmpty()) {
      out.put("devices", List.copyOf(devices));
    }
  }

  /** Each mounted key becomes a Compose secret at {@code <path>/<key or item path>}; a provided secret is a folder the caller fills. */
  private void secretMounts(SecretVolume volume, VolumeMount m, List<Object> serviceSecrets, List<Object> mounts) {
    Secret secret = network.secret(volume.secret()).orElseThrow();
    if (secret.provided()) {
      mounts.add(mount("bind", "./secrets/" + secret.name(), VolumeMount.builder().from(m).readOnly(true).build()));
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
      secrets.put(name, ordered("file", value.file().orElse("./" + file)));
      Map<String, Object> use = new LinkedHashMap<>();
      use.put("source", name);
      use.put("target", m.path() + "/" + path);
      use.put("mode", volume.fileMode());
      serviceSecrets.add(use);
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

  private static Map<String, Object> mount(String type, String source, VolumeMount m) {
    Map<String, Object> mount = new LinkedHashMap<>();
    mount.put("type", type);
    if (source != null) {
      mount.put("source", source);
    }
    mount.put("target", m.path());
    if (m.readOnly()) {
      mount.put("read_only", true);
    }
    return mount;
  }

  private static void security(SecurityContext sc, Map<String, Object> out) {
    out.put("user", sc.runAsUser() + ":" + sc.runAsGroup());
    if (sc.readOnlyRootFilesystem()) {
      out.put("read_only", true);
    }
    out.put("cap_drop", List.of("ALL"));
    if (!sc.capabilities().isEmpty()) {
      out.put("cap_add", sc.capabilities());
    }
    List<String> options = new ArrayList<>();
    if (!sc.allowPrivilegeEscalation()) {
      options.add("no-new-privileges:true");
    }
    if (sc.seccomp() == Seccomp.UNCONFINED) {
      options.add("seccomp:unconfined");
    }
    if (!options.isEmpty()) {
      out.put("security_opt", options);
    }
    if (sc.privileged()) {
      out.put("privileged", true);
    }
  }

  /** A map that keeps the order given, so the same network always gives the same file. */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static String yaml(Object tree) {
    try {
      return YAML.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new RenderException("Cannot write compose.yaml", e);
    }
  }
}
