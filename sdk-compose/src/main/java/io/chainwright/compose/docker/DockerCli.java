package io.chainwright.compose.docker;

import io.chainwright.api.PlatformException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Docker and Compose clients with one environment (so {@code DOCKER_HOST} reaches every
 * call) and turns failures into errors that name the verb and the object.
 */
final class DockerCli {
  /** What a command printed and how it ended. */
  record Result(int exitCode, String stdout, String stderr) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  private final String docker;
  private final Map<String, String> environment;
  private final Path workingDir;

  DockerCli(String docker, Map<String, String> environment, Path workingDir) {
    this.docker = docker;
    this.environment = Map.copyOf(environment);
    this.workingDir = workingDir;
  }

  /** The same client, run in {@code dir}. */
  DockerCli in(Path dir) {
    return new DockerCli(docker, environment, dir);
  }

  String docker() {
    return docker;
  }

  Map<String, String> environment() {
    return environment;
  }

  Path workingDir() {
    return workingDir;
  }

  /** The engine answering, and its version; fails fast, saying how to fix it, when none answers. */
  Engine requireEngine() {
    Result r;
    try {
      r = run(Duration.ofSeconds(15), List.of(docker, "version", "--format", "{{.Server.Version}}|{{range .Server.Components}}{{.Name}};{{end}}"));
    } catch (PlatformException noClient) {
      throw new PlatformException("reach", "the Docker engine", "the docker client cannot run (" + noClient.getMessage()
          + "); install Docker, or run the network with HostRuntime, which needs no engine");
    }
    if (!r.ok() || r.stdout().isBlank()) {
      String engine = environment.containsKey("DOCKER_HOST") ? "the Docker engine at " + environment.get("DOCKER_HOST") : "the Docker engine";
      throw new PlatformException("reach", engine,
          firstLine(r.stderr()) + "; start the engine, or run the network with HostRuntime, which needs no engine");
    }
    String[] versionAndComponents = r.stdout().strip().split("\\|", 2);
    boolean podman = versionAndComponents.length > 1 && versionAndComponents[1].contains("Podman");
    return new Engine(versionAndComponents[0], podman);
  }

  /** The address of the engine this client talks to. */
  String engineAddress() {
    return environment.getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
  }

  /** Runs {@code docker <args>}; a non-zero exit is an error naming {@code verb} and {@code object}. */
  String call(String verb, String object, Duration timeout, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(docker);
    command.addAll(args);
    return check(verb, object, command, run(timeout, command));
  }

  /** The output of a command that succeeded; otherwise an error naming {@code verb} and {@code object}. */
  static String check(String verb, String object, List<String> command, Result r) {
    if (!r.ok()) {
      throw new PlatformException(verb, object, String.join(" ", command) + " exited " + r.exitCode() + ": " + r.stderr().strip());
    }
    return r.stdout();
  }

  /** Runs {@code command} (a program and its arguments) to its end or until {@code timeout}. */
  Result run(Duration timeout, List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile());
    builder.environment().putAll(environment);
    try {
      Process p = builder.start();
      p.getOutputStream().close();
      CompletableFuture<String> out = read(p.getInputStream());
      CompletableFuture<String> err = read(p.getErrorStream());
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new PlatformException("run", String.join(" ", command), "no answer within " + timeout);
      }
      return new Result(p.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new PlatformException("run", String.join(" ", command), e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException("run", String.join(" ", command), "interrupted", e);
    }
  }

  /** On a thread of its own: the common pool may have one thread, and both pipes must drain at once. */
  private static CompletableFuture<String> read(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    }, task -> Thread.ofVirtual().start(task));
  }

  static String firstLine(String text) {
    String stripped = text.strip();
    int newline = stripped.indexOf('\n');
    return newline < 0 ? stripped : stripped.substring(0, newline);
  }
}
