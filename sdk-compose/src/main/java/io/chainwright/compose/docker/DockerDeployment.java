package io.chainwright.compose.docker;

import io.chainwright.api.Network;
import io.chainwright.api.PlatformException;
import io.chainwright.api.Port;
import io.chainwright.api.UsageException;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.await.Await;
import io.chainwright.api.await.Backoff;
import io.chainwright.api.await.Observation;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.api.backend.Deployment;
import io.chainwright.api.backend.OwnershipLabels;
import io.chainwright.api.backend.Teardown;
import io.chainwright.api.backend.WorkloadControl;
import io.chainwright.compose.ComposeProject;
import io.chainwright.compose.ComposeService;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A Compose project running on a Docker engine (or an engine that speaks its API, such as
 * Podman's socket), driven through whichever Compose CLI is present. Readiness is read from the
 * engine, so it is the same on Compose v1 and v2.
 */
public final class DockerDeployment implements Deployment, WorkloadControl {
  private static final Duration QUICK = Duration.ofMinutes(1);

  private final Network network;
  private final ComposeProject project;
  private final DockerCli cli;
  private final ComposeCli compose;
  private final Engine engine;
  private final Duration timeout;
  private Process reaper;
  private PodmanHealthchecks healthchecks;

  DockerDeployment(Network network, ComposeProject project, DockerCli cli, ComposeCli compose, Engine engine, Duration timeout) {
    this.network = network;
    this.engine = engine;
    this.project = project;
    this.cli = cli;
    this.compose = compose;
    this.timeout = timeout;
  }

  @Override
  public Network network() {
    return network;
  }

  /** The Compose project's name, which labels its containers, networks and volumes. */
  public String projectName() {
    return project.name();
  }

  /** The Compose CLI this deployment runs, such as {@code docker-compose 1.29.2 (Compose v1)}. */
  public String composeCli() {
    return compose.describe();
  }

  /** Starts the project's services; services that already run as rendered are left alone. */
  void up() {
    compose("start", List.of("up", "--detach", "--remove-orphans"), timeout);
  }

  /** Health checks run by the runtime, on an engine that runs none itself; stopped at teardown. */
  void runHealthchecksWith(PodmanHealthchecks checks) {
    this.healthchecks = checks;
  }

  void stopHealthchecks() {
    if (healthchecks != null) {
      healthchecks.close();
      healthchecks = null;
    }
  }

  /** From now on, the project is torn down (volumes kept) if this JVM exits before {@link #destroy} is called. */
  void tearDownWhenJvmExits() {
    reaper = ComposeReaper.watch(cli.workingDir(), cli.environment(),
        compose.on(project.name(), ComposeProject.COMPOSE_FILE, List.of("down", "--remove-orphans")));
  }

  @Override
  public void awaitReady(Duration timeout, ProgressListener listener) {
    awaitServices("Compose project " + project.name() + " ready", s -> true, timeout, listener);
  }

  @Override
  public void awaitReady(String workload, Duration timeout) {
    anchor(workload);
    awaitServices("workload " + workload + " of Compose project " + project.name() + " ready",
        s -> s.workload().name().equals(workload), timeout, ProgressListener.logging());
  }

  private void awaitServices(String subject, Predicate<ComposeService> which, Duration timeout, ProgressListener listener) {
    // Each look runs two CLI calls, which take a while themselves: half a second between looks is plenty.
    Await.of(subject).timeout(timeout).listener(listener).backoff(Backoff.fixed(Duration.ofMillis(500)))
        .until(() -> {
          List<String> waiting = notReady(which);
          return waiting.isEmpty() ? Observation.done(null, "ready") : Observation.waiting("waiting for " + String.join(", ", waiting));
        });
  }

  /** Services that are not yet running and healthy (jobs: exited 0), each with its state; a failed job is an error. */
  private List<String> notReady(Predicate<ComposeService> which) {
    Map<String, ServiceState> states = states().stream()
        .collect(Collectors.toMap(ServiceState::service, Function.identity(), (first, second) -> first)); // one container per service
    List<String> waiting = new ArrayList<>();
    for (ComposeService s : project.plan().services()) {
      if (!which.test(s) || s.workload().kind() == WorkloadKind.CRON_JOB) {
        continue; // in a profile of its own: started by a schedule, not by up
      }
      ServiceState state = states.get(s.name());
      boolean job = s.runsToCompletion();
      if (state == null) {
        waiting.add(s.name() + " (not created)");
      } else if (state.failedJob(job)) {
        throw new PlatformException("run", "service " + s.name() + " of Compose project " + project.name(),
            "it exited " + state.exitCode() + ":\n" + logs(s.workload().name(), 20));
      } else if (!state.ready(job)) {
        waiting.add(state.toString());
      }
    }
    return waiting;
  }

  /** What the engine says of each container of the project. */
  List<ServiceState> states() {
    List<String> ids = compose("list the containers of", List.of("ps", "--quiet"), QUICK).lines()
        .map(String::strip).filter(id -> !id.isEmpty()).toList();
    return ServiceState.inspect(cli, project.name(), ids, QUICK);
  }

  /**
   * The loopback address of a workload's published port. Internal-only ports are never published;
   * other ports are published when their exposure leaves the network, or for every port when the
   * runtime publishes on loopback ({@link io.chainwright.compose.PortPublishing#LOOPBACK_ANY_PORT}).
   */
  @Override
  public URI endpoint(String workload, String port) {
    ComposeService anchor = anchor(workload);
    Port p = project.plan().servicesOf(workload).stream().filter(s -> s.anchor().equals(anchor.name()))
        .flatMap(s -> s.container().ports().stream()).filter(x -> x.name().equals(port)).findFirst()
        .orElseThrow(() -> new UsageException("Workload " + workload + " has no port named '" + port + "'"));
    if (p.internalOnly()) {
      throw new UsageException("Port " + port + " of workload " + workload + " is internal-only and never published");
    }
    String published = compose("find the port of", List.of("port", "--protocol", p.protocol().name().toLowerCase(Locale.ROOT),
        anchor.name(), Integer.toString(p.number())), QUICK).strip();
    int colon = published.lastIndexOf(':');
    if (colon < 0 || published.endsWith(":0")) {
      throw new UsageException("Port " + port + " of workload " + workload + " is not published: give it an exposure that leaves"
          + " the network, or deploy with PortPublishing.LOOPBACK_ANY_PORT");
    }
    return URI.create("http://127.0.0.1:" + published.substring(colon + 1));
  }

  /** The last {@code lines} lines each service of {@code workload} printed, prefixed by the service. */
  public String logs(String workload, int lines) {
    if (engine.podman()) {
      // Podman 4.3 answers a tail with whole lines only, dropping output a program wrote in pieces: read all, keep the end.
      StringBuilder out = new StringBuilder();
      for (String service : serviceNames(workload)) {
        List<String> all = compose("read the logs of", List.of("logs", "--no-color", service), QUICK).lines().toList();
        all.subList(Math.max(0, all.size() - lines), all.size()).forEach(line -> out.append(line).append('\n'));
      }
      return out.toString();
    }
    List<String> args = new ArrayList<>(List.of("logs", "--no-color", "--tail", Integer.toString(lines)));
    args.addAll(serviceNames(workload));
    return compose("read the logs of", args, QUICK);
  }

  @Override
  public String recentLogs() {
    return compose("read the logs of", List.of("logs", "--no-color", "--tail", "40"), QUICK);
  }

  /** Stops a workload's services gracefully (SIGTERM, then SIGKILL after Compose's grace period); volumes stay. */
  @Override
  public void stop(String workload) {
    onServices("stop", workload);
  }

  /** Kills a workload's services at once (SIGKILL), as a crash would. */
  @Override
  public void kill(String workload) {
    onServices("kill", workload);
  }

  /** Starts a workload's stopped or killed services again, with their volumes. */
  @Override
  public void start(String workload) {
    onServices("start", workload);
  }

  /** Stops and starts a workload's services; wait with {@link #awaitReady} before using them. */
  @Override
  public void restart(String workload) {
    onServices("restart", workload);
  }

  private void onServices(String verb, String workload) {
    List<String> args = new ArrayList<>(List.of(verb));
    args.addAll(serviceNames(workload));
    compose(verb, args, timeout);
  }

  private List<String> serviceNames(String workload) {
    anchor(workload);
    return project.plan().servicesOf(workload).stream().map(ComposeService::name).toList();
  }

  private ComposeService anchor(String workload) {
    if (project.plan().servicesOf(workload).isEmpty()) {
      throw new UsageException("Network " + network.name() + " has no workload named '" + workload + "'");
    }
    return project.plan().anchorOf(workload, 0);
  }

  /**
   * Removes the project's containers and network. Named volumes stay with {@link Teardown#KEEP_VOLUMES};
   * {@link Teardown#DELETE_VOLUMES} removes those not kept on delete; {@link Teardown#DELETE_ALL_VOLUMES} all.
   */
  @Override
  public void destroy(Teardown teardown) {
    List<String> args = new ArrayList<>(List.of("down", "--remove-orphans"));
    if (teardown == Teardown.DELETE_ALL_VOLUMES) {
      args.add("--volumes");
    }
    compose("tear down", args, timeout);
    stopHealthchecks();
    if (reaper != null) {
      reaper.destroy();
      reaper = null;
    }
    if (teardown != Teardown.DELETE_ALL_VOLUMES) {
      // Shared scratch space goes at every teardown, as an emptyDir does; DELETE_VOLUMES takes what is not kept too.
      List<String> deletable = volumes(teardown == Teardown.DELETE_VOLUMES
          ? OwnershipLabels.KEEP_ON_DELETE + "=false" : OwnershipLabels.SCRATCH + "=true");
      if (!deletable.isEmpty()) {
        List<String> rm = new ArrayList<>(List.of("volume", "rm"));
        rm.addAll(deletable);
        cli.call("delete", "the volumes of Compose project " + project.name(), QUICK, rm);
      }
    }
  }

  /** The engine's names of this network's named volumes, optionally only those with {@code label}. */
  public List<String> volumes(String... labels) {
    List<String> args = new ArrayList<>(List.of("volume", "ls", "--quiet", "--filter", "label=" + OwnershipLabels.NETWORK + "=" + network.name(),
        "--filter", "label=com.docker.compose.project=" + project.name()));
    for (String label : labels) {
      args.addAll(List.of("--filter", "label=" + label));
    }
    return cli.call("list", "the volumes of Compose project " + project.name(), QUICK, args).lines()
        .map(String::strip).filter(v -> !v.isEmpty()).toList();
  }

  private String compose(String verb, List<String> args, Duration within) {
    List<String> command = compose.on(project.name(), ComposeProject.COMPOSE_FILE, args);
    return DockerCli.check(verb, "Compose project " + project.name(), command, cli.run(within, command));
  }
}
