package io.chainwright.compose.docker;

import io.chainwright.api.Container;
import io.chainwright.api.Image;
import io.chainwright.api.PlatformException;
import io.chainwright.api.Port;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.probe.JsonRpcExpectation;
import io.chainwright.api.probe.Probe;
import io.chainwright.compose.ComposeRenderer;
import io.chainwright.compose.TestTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Docker engine for live tests, and the images they run, built here: no registry is reachable
 * from build machines, so nothing is pulled. {@code .ci/run} installs and starts the engine; where
 * none answers, the test skips and says why (in CI it fails).
 */
public final class TestDocker {
  /** The image the SDK's devnets name; the test image is tagged with it so rendered files run unchanged. */
  public static final String ANVIL_IMAGE = "ghcr.io/foundry-rs/foundry:v1.7.1";

  private static final Pattern LIBRARY = Pattern.compile("(/\\S+) \\(0x");

  private TestDocker() {}

  /**
   * A network (and so Compose project) name of this test JVM's own, {@code base-<pid>}: test runs
   * that share one engine, two builds at once say, never take down each other's projects.
   */
  public static String projectName(String base) {
    return base + "-" + ProcessHandle.current().pid();
  }

  /** anvil with chain id 31337 on port 8545 ({@code rpc}), ready when it answers {@code eth_chainId}, in {@link #ANVIL_IMAGE}. */
  public static Workload anvil() {
    return Workload.builder().name("anvil").kind(WorkloadKind.STATELESS)
        .addContainer(Container.builder().name("anvil").image(Image.of(ANVIL_IMAGE))
            .addCommand("anvil").addArgs("--host", "0.0.0.0", "--port", "8545", "--chain-id", "31337")
            .addPort(Port.tcp("rpc", 8545))
            .readiness(Probe.jsonRpc("rpc", "eth_chainId", JsonRpcExpectation.equalTo("\"0x7a69\"")))
            .build())
        .build();
  }

  /** The docker client with the default engine, skipping the test when no engine answers. */
  static DockerCli requireEngine() {
    DockerCli cli = new DockerCli("docker", Map.of(), Path.of("."));
    try {
      cli.requireEngine();
    } catch (PlatformException e) {
      TestTools.missing("No Docker engine reachable (.ci/run installs docker.io and starts dockerd): " + e.getMessage());
    }
    return cli;
  }

  /**
   * Builds {@link #ANVIL_IMAGE} from the anvil binary of the npm package: the binary, the libraries
   * it links, busybox for the shell, {@code wget} and {@code grep} the healthcheck runs, and CA
   * certificates. Also builds the busybox image that hands named volumes to non-root services.
   */
  public static String anvilImage() {
    DockerCli cli = requireEngine();
    Path anvil = TestTools.anvil();
    busyboxImage();
    build(ANVIL_IMAGE, context -> {
      copy(anvil, context, "usr/local/bin/anvil");
      for (String library : linkedLibraries(cli, anvil)) {
        copy(Path.of(library), context, library.substring(1));
      }
      copy(Path.of("/etc/ssl/certs/ca-certificates.crt"), context, "etc/ssl/certs/ca-certificates.crt");
    });
    return ANVIL_IMAGE;
  }

  /** The image Compose projects run {@code chown} in ({@code busybox:1.35.0}), from Debian's busybox-static 1.35.0. */
  public static String busyboxImage() {
    requireEngine();
    String image = ComposeRenderer.VOLUME_OWNER_IMAGE;
    build(image, context -> {});
    return image;
  }

  private interface Contents {
    void addTo(Path context) throws IOException;
  }

  /** An image from scratch holding busybox (with the applets tests use) and {@code contents}. */
  private static void build(String image, Contents contents) {
    Path busybox = TestTools.systemProgram("busybox", "busybox-static");
    Path context = null;
    try {
      context = Files.createTempDirectory("chainwright-image-");
      copy(busybox, context, "bin/busybox");
      for (String tool : List.of("sh", "wget", "grep", "chown", "cat", "ls")) {
        Files.createSymbolicLink(context.resolve("bin").resolve(tool), Path.of("busybox"));
      }
      contents.addTo(context);
      Files.writeString(context.resolve("Dockerfile"), """
          FROM scratch
          COPY . /
          ENV PATH=/usr/local/bin:/bin
          """);
      DockerCli builder = new DockerCli("docker", Map.of("DOCKER_BUILDKIT", "0"), context);
      List<String> command = List.of("docker", "build", "--quiet", "--tag", image, ".");
      DockerCli.check("build", "the test image " + image, command, builder.run(Duration.ofMinutes(2), command));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteTree(context);
    }
  }

  private static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shared libraries {@code binary} loads, as {@code ldd} lists them, with the loader. */
  private static List<String> linkedLibraries(DockerCli cli, Path binary) {
    DockerCli.Result r = cli.run(Duration.ofSeconds(10), List.of("ldd", binary.toString()));
    List<String> libraries = new ArrayList<>();
    for (String line : r.stdout().split("\n")) {
      Matcher m = LIBRARY.matcher(line);
      if (m.find()) {
        libraries.add(m.group(1));
      }
    }
    if (libraries.isEmpty()) {
      throw new IllegalStateException("ldd found no libraries for " + binary + ": " + r.stdout() + r.stderr());
    }
    return libraries;
  }

  private static void copy(Path from, Path context, String to) throws IOException {
    Path target = context.resolve(to);
    Files.createDirectories(target.getParent());
    Files.copy(from.toRealPath(), target);
    target.toFile().setExecutable(Files.isExecutable(from));
  }
}
