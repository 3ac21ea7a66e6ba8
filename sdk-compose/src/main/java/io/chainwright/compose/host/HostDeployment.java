package io.chainwright.compose.host;

import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.PlatformException;
import io.chainwright.api.Port;
import io.chainwright.api.Protocol;
import io.chainwright.api.UsageException;
import io.chainwright.api.await.Deadline;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.api.backend.Deployment;
import io.chainwright.api.backend.Teardown;
import io.chainwright.api.backend.WorkloadControl;
import io.chainwright.compose.ComposeProject;
import io.chainwright.compose.ComposeRenderer;
import io.chainwright.compose.ComposeService;
import io.chainwright.compose.ServicePlan;
import io.chainwright.compose.spec.Interpolation;
import io.chainwright.compose.spec.ServiceSpec;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Compose project running as local processes, one per service. Every replica has its own folder
 * under the deployment's root; named volumes live in {@code <root>/volumes/<volume>} and survive
 * teardown unless asked otherwise. Processes are stopped on {@link #destroy}, and by a shutdown
 * hook if the JVM exits first. One workload can be stopped, killed and started again on the same
 * ports ({@link WorkloadControl}); its log file keeps what every run printed.
 */
public final class HostDeployment implements Deployment, WorkloadControl {
  private static final Logger LOG = LoggerFactory.getLogger(HostDeployment.class);
  private final ComposeProject project;
  private final ServicePlan plan;
  private final Path root;
  private final HostRuntime.Settings settings;
  private final HostPorts ports;
  private final RunningServices running = new RunningServices();
  private final Map<String, String> versions = new ConcurrentHashMap<>();
  private final Thread shutdownHook = new Thread(() -> stopAll(Duration.ofSeconds(2)), "chainwright-host-shutdown");
  private boolean destroyed;

  HostDeployment(ComposeProject project, Path root, HostRuntime.Settings settings) {
    this.project = project;
    this.plan = project.plan();
    this.ports = HostPorts.allocate(plan);
    this.root = root;
    this.settings = settings;
  }

  /** Lays out folders and starts every service in dependency order, on the ports allocated when it was made. */
  void start(ProgressListener listener) {
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    try {
      StartOrder.of(project).forEach(s -> startService(s, listener));
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
    return plan.network();
  }

  /** The Compose project this deployment runs. */
  public ComposeProject project() {
    return project;
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
    return running.names();
  }

  @Override
  public Optional<Path> logFolder() {
    return Optional.of(root.resolve("logs"));
  }

  @Override
  public String recentLogs() {
    StringBuilder out = new StringBuilder();
    running.all().forEach(s -> out.append("\n  ").append(s.service().name()).append(':').append(s.recentOutput()));
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
    return running.all().stream().filter(HostService::isAlive).map(HostService::pid).toList();
  }

  @Override
  public void awaitReady(Duration timeout, ProgressListener listener) {
    Deadline deadline = Deadline.in(timeout);
    for (HostService s : running.all()) {
      running.await(s.service().name(),
          spec(s.service()).runsToCompletion() ? ComposeService.COMPLETED : ComposeService.HEALTHY, deadline, listener);
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
    int allocated = ports.of(anchor.name()).get(p.number());
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
      HostMounts.clear(project, root, teardown);
      if (Files.exists(root)) {
        LOG.info("Stopped {}; its kept volumes and its logs are in {}", project.name(), root);
      }
    } catch (IOException e) {
      throw new PlatformException("clean up", "host deployment " + project.name() + " at " + root, e.getMessage(), e);
    }
  }

  /** Stops every service of {@code workload} gracefully, the last started first; its folders and ports stay. */
  @Override
  public void stop(String workload) {
    servicesLastFirst(workload).forEach(s -> s.stop(settings.stopGrace()));
  }

  /** Kills every process of {@code workload} at once (SIGKILL to each and its children), as a crash would. */
  @Override
  public void kill(String workload) {
    servicesLastFirst(workload).forEach(s -> s.kill(settings.stopGrace()));
  }

  /**
   * Starts the services of {@code workload} that are not running, in dependency order and on the
   * ports they had, as a new pod would: init containers run again first.
   */
  @Override
  public synchronized void start(String workload) {
    if (destroyed) {
      throw new UsageException("Host deployment " + project.name() + " is torn down; deploy the network again");
    }
    checkedWorkload(workload);
    // Dependencies on other workloads are awaited within the start timeout, as on the first start.
    for (ComposeService s : StartOrder.of(project)) {
      if (s.workload().name().equals(workload) && !running.get(s.name()).map(HostService::isAlive).orElse(false)) {
        startService(s, ProgressListener.logging());
      }
    }
  }

  @Override
  public void restart(String workload) {
    stop(workload);
    start(workload);
  }

  @Override
  public void awaitReady(String workload, Duration timeout) {
    Deadline deadline = Deadline.in(timeout);
    for (ComposeService s : plan.servicesOf(checkedWorkload(workload))) {
      if (running.get(s.name()).isPresent()) {
        running.await(s.name(), spec(s).runsToCompletion() ? ComposeService.COMPLETED : ComposeService.HEALTHY, deadline,
            ProgressListener.logging());
      }
    }
  }

  @Override
  public OptionalLong processId(String workload) {
    return running.get(plan.anchorOf(checkedWorkload(workload), 0).name()).filter(HostService::isAlive)
        .map(s -> OptionalLong.of(s.pid())).orElse(OptionalLong.empty());
  }

  @Override
  public Optional<Path> logFileOf(String workload) {
    return Optional.of(logFile(plan.anchorOf(checkedWorkload(workload), 0).name()));
  }

  private String checkedWorkload(String workload) {
    if (plan.servicesOf(workload).isEmpty()) {
      throw new UsageException("Network " + plan.network().name() + " has no workload named '" + workload + "'");
    }
    return workload;
  }

  private List<HostService> servicesLastFirst(String workload) {
    return running.lastFirst(plan.servicesOf(checkedWorkload(workload)).stream().map(ComposeService::name).toList());
  }

  private void startService(ComposeService s, ProgressListener listener) {
    ServiceSpec spec = spec(s);
    if (spec.profiles().contains(ComposeRenderer.CRON_PROFILE)) {
      LOG.info("Not running cron job service {}: the host runtime has no scheduler", s.name());
      return;
    }
    StartOrder.dependencies(project, s).forEach((name, condition) ->
        running.await(name, condition, Deadline.in(settings.startTimeout()), listener));
    launch(s, spec);
  }

  private ServiceSpec spec(ComposeService s) {
    return project.compose().services().get(s.name());
  }

  private void launch(ComposeService s, ServiceSpec spec) {
    Path dir = root.resolve(s.anchor());
    HostMounts.Layout layout = HostMounts.layOut(project, s.name(), s.anchor(), spec, root, ports);
    HostRewriter rewriter = layout.rewriter();
    Image image = Image.of(spec.image());
    Path binary = settings.binaries().resolve(s.name(), image, spec.entrypoint());
    settings.binaries().version(s.name(), image, binary).ifPresent(v -> versions.put(s.name(), v));
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    spec.entrypoint().stream().skip(1).map(Interpolation::unescape).map(rewriter::rewrite).forEach(command::add);
    spec.command().stream().map(Interpolation::unescape).map(rewriter::rewrite).forEach(command::add);
    Map<String, String> environment = ServiceEnvironment.of(project, s.name(), spec, rewriter, settings.environment(), System::getenv);
    try {
      Path workingDir = Path.of(Optional.ofNullable(spec.workingDir()).map(rewriter::hostPath).orElse(dir.resolve("work").toString()));
      Files.createDirectories(workingDir);
      Files.createDirectories(root.resolve("logs"));
      Optional<HostProbe> readiness = spec.readiness().map(h -> new HostProbe(h.probe().check(), ports.byName(s),
          Duration.ofSeconds(h.probe().timeoutSeconds()), cmd -> cmd.stream().map(rewriter::rewrite).toList()));
      HostService started = HostService.start(s, command, environment, workingDir, logFile(s.name()), readiness);
      running.put(started);
      LOG.info("Started {} (pid {}): {}", s.name(), started.pid(), binary);
      LOG.debug("{} runs: {}", s.name(), String.join(" ", command));
    } catch (IOException e) {
      throw new PlatformException("start", "service " + s.name(), e.getMessage(), e);
    }
  }

  private void stopAll(Duration grace) {
    running.lastFirst(running.names()).parallelStream().forEach(s -> s.stop(grace));
  }

  private void removeShutdownHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException jvmShuttingDown) {
      // The hook is running or about to; nothing to remove.
    }
  }
}
