package io.chainwright.compose.docker;

import io.chainwright.api.await.Await;
import io.chainwright.api.await.Backoff;
import io.chainwright.api.await.Observation;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.compose.TestTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Podman's Docker-compatible service for live tests, started once per JVM on a socket of its own
 * and stopped when the JVM exits, with the settings Podman 4.3 needs on build machines: runc,
 * cgroupfs, a file events log, fixed ulimits (the sandbox cannot raise limits) and netavark, whose
 * aardvark-dns lets services reach each other by name (CNI without its dnsname plugin cannot). Its images are
 * the Docker engine's test images, copied over, since nothing can be pulled.
 */
final class TestPodman {
  private static final String CONTAINERS_CONF = """
      [containers]
      default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]

      [network]
      network_backend = "netavark"

      [engine]
      runtime = "runc"
      cgroup_manager = "cgroupfs"
      events_logger = "file"
      """;
  private static String socket;

  private TestPodman() {}

  /** The engine address ({@code unix://...}) of a running Podman service holding the anvil image; skips without Podman. */
  static synchronized String engine() {
    if (socket != null) {
      return socket;
    }
    Path podman = TestTools.systemProgram("podman", "podman");
    if (!"root".equals(System.getProperty("user.name"))) {
      return TestTools.missing("Podman's service needs root here (rootless Podman needs user namespaces the sandbox lacks)");
    }
    String image = TestDocker.anvilImage();
    try {
      Path dir = Files.createTempDirectory("chainwright-podman-");
      Path conf = Files.writeString(dir.resolve("containers.conf"), CONTAINERS_CONF);
      Map<String, String> env = Map.of("CONTAINERS_CONF", conf.toString());
      String address = "unix://" + dir.resolve("podman.sock");
      ProcessBuilder builder = new ProcessBuilder(podman.toString(), "system", "service", "--time=0", address)
          .redirectErrorStream(true).redirectOutput(dir.resolve("service.log").toFile());
      builder.environment().putAll(env);
      Process service = builder.start();
      Runtime.getRuntime().addShutdownHook(new Thread(service::destroy));
      DockerCli docker = new DockerCli("docker", Map.of("DOCKER_HOST", address), dir);
      awaitService(docker, dir);
      Path archive = dir.resolve("images.tar");
      DockerCli host = new DockerCli("docker", Map.of(), dir);
      host.call("save", "the test image " + image, Duration.ofMinutes(2), List.of("save", "--output", archive.toString(), image));
      DockerCli podmanCli = new DockerCli(podman.toString(), env, dir);
      podmanCli.call("load", "the test image " + image + " into Podman", Duration.ofMinutes(2), List.of("load", "--input", archive.toString()));
      Files.delete(archive);
      socket = address;
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void awaitService(DockerCli docker, Path dir) {
    Await.of("Podman's service (log: " + dir.resolve("service.log") + ")").timeout(Duration.ofSeconds(30))
        .listener(ProgressListener.none()).backoff(Backoff.fixed(Duration.ofMillis(200)))
        .until(() -> {
          DockerCli.Result r = docker.run(Duration.ofSeconds(5), List.of("docker", "version", "--format", "{{.Server.Version}}"));
          return Observation.of(r.ok(), null, r.ok() ? "answering" : DockerCli.firstLine(r.stderr()));
        });
  }
}
