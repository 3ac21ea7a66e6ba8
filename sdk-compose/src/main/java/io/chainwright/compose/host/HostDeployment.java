package io.chainwright.compose.host;

import io.chainwright.api.AwaitTimeoutException;
import io.chainwright.api.ConfigVolume;
import io.chainwright.api.Container;
import io.chainwright.api.DataVolume;
import io.chainwright.api.DeviceVolume;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Network;
import io.chainwright.api.PlatformException;
import io.chainwright.api.Port;
import io.chainwright.api.Protocol;
import io.chainwright.api.ScratchVolume;
import io.chainwright.api.Secret;
import io.chainwright.api.SecretVolume;
import io.chainwright.api.UsageException;
import io.chainwright.api.Volume;
import io.chainwright.api.VolumeMount;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.await.Await;
import io.chainwright.api.await.Backoff;
import io.chainwright.api.await.Deadline;
import io.chainwright.api.await.Observation;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.api.backend.Deployment;
import io.chainwright.api.backend.Teardown;
import io.chainwright.compose.ComposeService;
import io.chainwright.compose.OwnerOnlyFiles;
import io.chainwright.compose.ServicePlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A network running as local processes. Every service has its own folder under the deployment's
 * root; persistent data lives in {@code <root>/<replica>/volumes/<volume>} and survives teardown
 * unless asked otherwise. Processes are stopped on {@link #destroy}, and by a shutdown hook if the
 * JVM exits first.
 */
public final class HostDeployment implements Deployment {
  private static final Logger LOG = LoggerFactory.getLogger(HostDeployment.class);
  /**
   * Local processes answer within milliseconds and every pause adds to a devnet's start: look
   * often in the first seconds, then calmly for slow starters such as syncing nodes.
   */
  private static final Backoff PROCESS_BACKOFF = Backoff.exponential(Duration.ofMillis(2), Duration.ofMillis(200))
      .withEarlyCeiling(Duration.ofMillis(20), Duration.ofSeconds(5));

  private final Network network;
  private final ServicePlan plan;
  private final Path root;
  private final HostRuntime.Settings settings;
  private final Map<String, Map<Integer, Integer>> ports = new LinkedHashMap<>();
  private final Map<String, HostService> running = new LinkedHashMap<>();
  private final Map<String, String> versions = new ConcurrentHashMap<>();
  private final Thread shutdownHook = new Thread(() -> stopAll(Duration.ofSeconds(2)), "chainwright-host-shutdown");
  private boolean destroyed;

  HostDeployment(Network network, Path root, HostRuntime.Settings settings) {
    this.network = network;
    this.plan = ServicePlan.of(network);
    this.root = root;
    this.settings = settings;
  }

  /** Allocates ports, lays out folders and starts every service in dependency order. */
  void start(ProgressListener listener) {
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    try {
      allocatePorts();
      for (ComposeService s : startOrder()) {
        if (s.workload().kind() == WorkloadKind.CRON_JOB) {
          LOG.info("Not running cron job service {}: the host runtime has no scheduler", s.name());
          continue;
        }
        s.dependsOn().forEach((name, condition) -> awaitCondition(name, condition, Deadline.in(settings.startTimeout()), listener));
        launch(s);
      }
    } catch (RuntimeException e) {
      // Nothing half-started stays behind: processes stop and secrets go; data stays, as on any teardown.
      try {
        destroy(Teardown.KEEP_VOLUMES);
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  @Override
  public Network network() {
    return network;
  }

  /** The folder holding this deployment's services, data and logs. */
  public Path root() {
    return root;
  }

  /** The log file of a service, e.g. {@code rpc} or {@code rpc-1}. */
  public Path logFile(String service) {
    return root.resolve("logs").resolve(service + ".log");
  }

  /** The names of the services started, in start order. */
  public List<String> services() {
    synchronized (running) {
      return List.copyOf(running.keySet());
    }
  }

  @Override
  public String recentLogs() {
    StringBuilder out = new StringBuilder();
    synchronized (running) {
      running.values().forEach(s -> out.append("\n  ").append(s.service().name()).append(':').append(s.recentOutput()));
    }
    return out.toString();
  }

  /**
   * The version the binary of {@code service} reported when it started, for programs a tool
   * catalog knows (a mismatch with the image's tag is logged as a warning); empty otherwise.
   */
  public Optional<String> binaryVersion(String service) {
    return Optional.ofNullable(versions.get(service));
  }

  /** The process ids of every running service, for checks that nothing is left behind. */
  public List<Long> pids() {
    synchronized (running) {
      return running.values().stream().filter(HostService::isAlive).map(HostService::pid).toList();
    }
  }

  @Override
  public void awaitReady(Duration timeout, ProgressListener listener) {
    Deadline deadline = Deadline.in(timeout);
    for (HostService s : snapshot()) {
      awaitCondition(s.service().name(),
          s.service().runsToCompletion() ? ComposeService.COMPLETED : ComposeService.HEALTHY, deadline, listener);
    }
  }

  @Override
  public URI endpoint(String workload, String port) {
    return endpoint(workload, 0, port);
  }

  /** The loopback address of a port of one replica of a workload. */
  public URI endpoint(String workload, int replica, String port) {
    ComposeService anchor = plan.anchorOf(workload, replica);
    Port p = plan.servicesOf(workload).stream()
        .filter(s -> s.replica() == replica && s.anchor().equals(anchor.name()))
        .flatMap(s -> s.container().ports().stream())
        .filter(x -> x.name().equals(port))
        .findFirst()
        .orElseThrow(() -> new UsageException("Workload " + workload + " has no port named '" + port + "'"));
    int allocated = ports.get(anchor.name()).get(p.number());
    return URI.create((p.protocol() == Protocol.UDP ? "udp" : "http") + "://127.0.0.1:" + allocated);
  }

  /** True once {@link #destroy} has run. */
  public synchronized boolean isDestroyed() {
    return destroyed;
  }

  @Override
  public synchronized void destroy(Teardown teardown) {
    if (destroyed) {
      return;
    }
    destroyed = true;
    stopAll(settings.stopGrace());
    removeShutdownHook();
    try {
      cleanUp(teardown);
    } catch (IOException e) {
      throw new PlatformException("clean up", "host deployment " + network.name() + " at " + root, e.getMessage(), e);
    }
  }

  private void allocatePorts() {
    for (ComposeService s : plan.services()) {
      Map<Integer, Integer> group = ports.computeIfAbsent(s.anchor(), k -> new LinkedHashMap<>());
      for (Port p : s.container().ports()) {
        group.computeIfAbsent(p.number(), n -> PortAllocator.freePort());
      }
    }
  }

  /** Dependencies first; otherwise the plan's order. */
  private List<ComposeService> startOrder() {
    List<ComposeService> ordered = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    List<ComposeService> pending = new ArrayList<>(plan.services());
    while (!pending.isEmpty()) {
      ComposeService next = pending.stream()
          .filter(s -> placed.containsAll(s.dependsOn().keySet()))
          .findFirst()
          .orElseThrow(() -> new PlatformException("order", "services of network " + network.name(), "they wait on each other: " + pending));
      ordered.add(next);
      placed.add(next.name());
      pending.remove(next);
    }
    return ordered;
  }

  private void launch(ComposeService s) {
    Container c = s.container();
    Path dir = root.resolve(s.anchor());
    HostRewriter rewriter = new HostRewriter(ports, ports.get(s.anchor()), mounts(s, dir));
    List<String> command = new ArrayList<>();
    Path binary = settings.binaries().resolve(s.name(), c);
    settings.binaries().version(s.name(), c, binary).ifPresent(v -> versions.put(s.name(), v));
    command.add(binary.toString());
    c.command().stream().skip(1).map(rewriter::rewrite).forEach(command::add);
    c.args().stream().map(rewriter::rewrite).forEach(command::add);
    try {
      Path workingDir = Path.of(c.workingDir().map(rewriter::hostPath).orElse(dir.resolve("work").toString()));
      Files.createDirectories(workingDir);
      Files.createDirectories(root.resolve("logs"));
      Map<String, Integer> byName = new LinkedHashMap<>();
      c.ports().forEach(p -> byName.put(p.name(), ports.get(s.anchor()).get(p.number())));
      Optional<HostProbe> readiness = c.readiness().map(probe -> new HostProbe(probe.check(), byName,
          Duration.ofSeconds(probe.timeoutSeconds()), cmd -> cmd.stream().map(rewriter::rewrite).toList()));
      HostService started = HostService.start(s, command, environment(s, rewriter), workingDir, logFile(s.name()), readiness);
      synchronized (running) {
        running.put(s.name(), started);
      }
      LOG.info("Started {} (pid {}): {}", s.name(), started.pid(), binary);
      LOG.debug("{} runs: {}", s.name(), String.join(" ", command));
    } catch (IOException e) {
      throw new PlatformException("start", "service " + s.name(), e.getMessage(), e);
    }
  }

  /** Lays out a replica's volumes (once, shared by its containers) and maps the container's mounts onto them. */
  private Map<String, Path> mounts(ComposeService s, Path dir) {
    Map<String, Path> mounts = new LinkedHashMap<>();
    List<VolumeMount> outermostFirst = s.container().mounts().stream()
        .sorted(Comparator.comparingInt(m -> m.path().length())).toList();
    for (VolumeMount m : outermostFirst) {
      Volume v = s.workload().volume(m.volume()).orElseThrow();
      Path target = switch (v) {
        case DeviceVolume device -> Path.of(device.hostPath());
        case DataVolume data -> dir.resolve("volumes").resolve(data.name());
        case ScratchVolume scratch -> dir.resolve("scratch").resolve(scratch.name());
        case ConfigVolume config -> dir.resolve("configs").resolve(config.name());
        case SecretVolume secret -> dir.resolve("secrets").resolve(secret.name());
        default -> throw new UsageException("Volume type " + v.getClass().getName() + " is not one this backend knows");
      };
      target = m.subPath().map(target::resolve).orElse(target);
      mounts.put(m.path(), nestedFolder(s, m, v, mounts).orElse(target));
    }
    HostRewriter rewriter = new HostRewriter(ports, ports.get(s.anchor()), mounts);
    try {
      for (VolumeMount m : s.container().mounts()) {
        Path target = mounts.get(m.path());
        Volume v = s.workload().volume(m.volume()).orElseThrow();
        if (v instanceof DeviceVolume) {
          continue;
        }
        Files.createDirectories(target);
        if (v instanceof ConfigVolume config) {
          for (Map.Entry<String, String> file : config.files().entrySet()) {
            Files.writeString(target.resolve(file.getKey()), rewriter.rewrite(file.getValue()));
          }
        }
        if (v instanceof SecretVolume sv) {
          writeSecret(sv, target);
        }
      }
    } catch (IOException e) {
      throw new PlatformException("prepare volumes of", "service " + s.name(), e.getMessage(), e);
    }
    return mounts;
  }

  /**
   * Where a secret or config mounted inside another secret or config mount goes: inside that mount's
   * folder, so a process finds {@code msp/keystore} under {@code msp} as it would in a container.
   * Both kinds of folder are removed at teardown, so a nested secret never outlives the deployment.
   */
  private static Optional<Path> nestedFolder(ComposeService s, VolumeMount m, Volume v, Map<String, Path> outer) {
    if (!(v instanceof SecretVolume || v instanceof ConfigVolume)) {
      return Optional.empty();
    }
    return s.container().mounts().stream()
        .filter(parent -> m.path().startsWith(parent.path().endsWith("/") ? parent.path() : parent.path() + "/"))
        .filter(parent -> s.workload().volume(parent.volume())
            .filter(pv -> pv instanceof SecretVolume || pv instanceof ConfigVolume).isPresent())
        .filter(parent -> outer.containsKey(parent.path()))
        .max(Comparator.comparingInt(parent -> parent.path().length()))
        .map(parent -> outer.get(parent.path()).resolve(
            m.path().substring(parent.path().length()).replaceFirst("^/+", "")));
  }

  private void writeSecret(SecretVolume volume, Path dir) throws IOException {
    Secret secret = network.secret(volume.secret()).orElseThrow();
    if (secret.provided()) {
      throw new PlatformException("start", "secret " + secret.name(),
          "it is provided outside Chainwright, and the host runtime has nowhere to read it from; declare its values");
    }
    for (var entry : secret.data().entrySet()) {
      Optional<String> path = volume.pathOf(entry.getKey());
      if (path.isPresent()) {
        Path file = dir.resolve(path.get());
        Files.createDirectories(file.getParent());
        OwnerOnlyFiles.write(file, entry.getValue().resolve());
      }
    }
  }

  private Map<String, String> environment(ComposeService s, HostRewriter rewriter) {
    Map<String, String> env = new LinkedHashMap<>(settings.environment());
    for (EnvVar e : s.container().env()) {
      String value;
      if (e.value().isPresent()) {
        value = rewriter.rewrite(e.value().get());
      } else if (e.secret().isPresent()) {
        Secret secret = network.secret(e.secret().get().secret()).orElseThrow();
        if (secret.provided()) {
          throw new PlatformException("start", "service " + s.name(), "environment variable " + e.name()
              + " reads provided secret " + secret.name() + ", which the host runtime cannot read; declare its values");
        }
        value = new String(secret.data().get(e.secret().get().key()).resolve(), StandardCharsets.UTF_8);
      } else {
        value = switch (e.field().orElseThrow()) {
          case POD_NAME -> s.name();
          case NAMESPACE -> network.namespace();
          case NODE_NAME -> "localhost";
          case POD_IP, HOST_IP -> "127.0.0.1";
        };
      }
      env.put(e.name(), value);
    }
    return env;
  }

  private void awaitCondition(String serviceName, String condition, Deadline deadline, ProgressListener listener) {
    HostService s;
    synchronized (running) {
      s = running.get(serviceName);
    }
    if (s == null) {
      throw new UsageException("Service " + serviceName + " was not started (cron jobs never are)");
    }
    String subject = "service " + serviceName + (condition.equals(ComposeService.COMPLETED) ? " completed" : " ready");
    try {
      Await.of(subject).deadline(deadline).backoff(PROCESS_BACKOFF).listener(listener).until(() -> look(s, condition));
    } catch (AwaitTimeoutException e) {
      throw new AwaitTimeoutException(e.awaited(), e.lastState() + "; last output:" + s.recentOutput(), e.timeout());
    }
  }

  private Observation<Void> look(HostService s, String condition) {
    Optional<Integer> exit = s.exitCode();
    if (condition.equals(ComposeService.COMPLETED)) {
      if (exit.isEmpty()) {
        return Observation.waiting("running");
      }
      if (exit.get() != 0) {
        throw new PlatformException("run", "service " + s.service().name(), "exited with code " + exit.get()
            + "; last output:" + s.recentOutput());
      }
      return Observation.done(null, "exited 0");
    }
    if (exit.isPresent()) {
      throw new PlatformException("start", "service " + s.service().name(), "exited with code " + exit.get()
          + " before it was ready; last output:" + s.recentOutput());
    }
    if (condition.equals(ComposeService.STARTED) || s.readiness().isEmpty()) {
      return Observation.done(null, "running (pid " + s.pid() + ")");
    }
    HostProbe.Result result = s.readiness().get().attempt();
    return Observation.of(result.passed(), null, result.observation());
  }

  private List<HostService> snapshot() {
    synchronized (running) {
      return List.copyOf(running.values());
    }
  }

  private void stopAll(Duration grace) {
    List<HostService> services = new ArrayList<>(snapshot());
    java.util.Collections.reverse(services);
    services.parallelStream().forEach(s -> s.stop(grace));
  }

  private void removeShutdownHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException jvmShuttingDown) {
      // The hook is running or about to; nothing to remove.
    }
  }

  /** Secrets never outlive the deployment; data goes only when the teardown says so. */
  private void cleanUp(Teardown teardown) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    if (teardown == Teardown.DELETE_ALL_VOLUMES) {
      deleteTree(root);
      return;
    }
    try (Stream<Path> replicas = Files.list(root)) {
      for (Path replica : replicas.filter(Files::isDirectory).toList()) {
        deleteTree(replica.resolve("secrets"));
        deleteTree(replica.resolve("scratch"));
        deleteTree(replica.resolve("configs"));
      }
    }
    if (teardown == Teardown.DELETE_VOLUMES) {
      for (ComposeService s : plan.services()) {
        for (Volume v : s.workload().volumes()) {
          if (v instanceof DataVolume data && !data.keepOnDelete()) {
            deleteTree(root.resolve(s.anchor()).resolve("volumes").resolve(data.name()));
          }
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
