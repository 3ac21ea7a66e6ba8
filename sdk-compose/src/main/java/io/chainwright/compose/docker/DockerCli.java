package io.chainwright.compose.docker;

import io.chainwright.api.PlatformException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the {@code docker} client and turns failures into errors that name the verb and the object. */
final class DockerCli {
  /** What a command printed and how it ended. */
  record Result(int exitCode, String stdout, String stderr) {}

  private final String docker;
  private final Path workingDir;

  DockerCli(String docker, Path workingDir) {
    this.docker = docker;
    this.workingDir = workingDir;
  }

  /** Fails fast, saying how to fix it, when no engine answers. */
  void requireEngine() {
    Result r;
    try {
      r = run(Duration.ofSeconds(15), List.of("info", "--format", "{{.ServerVersion}}"));
    } catch (PlatformException noClient) {
      throw new PlatformException("reach", "the Docker engine", "the docker client cannot run (" + noClient.getMessage()
          + "); install Docker, or run the network with HostRuntime, which needs no engine");
    }
    if (r.exitCode() != 0 || r.stdout().isBlank()) {
      throw new PlatformException("reach", "the Docker engine", firstLine(r.stderr())
          + "; start the engine, or run the network with HostRuntime, which needs no engine");
    }
  }

  /** Runs {@code docker <args>} and returns its output; a non-zero exit is an error naming {@code verb} and {@code object}. */
  String call(String verb, String object, Duration timeout, List<String> args) {
    Result r = run(timeout, args);
    if (r.exitCode() != 0) {
      throw new PlatformException(verb, object, "docker " + String.join(" ", args) + " exited " + r.exitCode() + ": " + r.stderr().strip());
    }
    return r.stdout();
  }

  Result run(Duration timeout, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(docker);
    command.addAll(args);
    try {
      Process p = new ProcessBuilder(command).directory(workingDir.toFile()).start();
      CompletableFuture<String> out = read(p.getInputStream());
      CompletableFuture<String> err = read(p.getErrorStream());
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new PlatformException("run", "docker " + String.join(" ", args), "no answer within " + timeout);
      }
      return new Result(p.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new PlatformException("run", "docker " + String.join(" ", args), e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException("run", "docker " + String.join(" ", args), "interrupted", e);
    }
  }

  private static CompletableFuture<String> read(java.io.InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    });
  }

  private static String firstLine(String text) {
    String stripped = text.strip();
    int newline = stripped.indexOf('\n');
    return newline < 0 ? stripped : stripped.substring(0, newline);
  }
}
