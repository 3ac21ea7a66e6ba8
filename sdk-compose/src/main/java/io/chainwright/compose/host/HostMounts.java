package io.chainwright.compose.host;

import io.chainwright.api.PlatformException;
import io.chainwright.api.SecretValue;
import io.chainwright.api.UsageException;
import io.chainwright.api.backend.OwnershipLabels;
import io.chainwright.api.backend.Teardown;
import io.chainwright.compose.ComposeNames;
import io.chainwright.compose.ComposeProject;
import io.chainwright.compose.OwnerOnlyFiles;
import io.chainwright.compose.spec.ComposeFile;
import io.chainwright.compose.spec.Mount;
import io.chainwright.compose.spec.SecretMount;
import io.chainwright.compose.spec.ServiceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Lays out a service's mounts on the host and fills them: named volumes under
 * {@code <root>/volumes/<volume>}, kept across deployments unless they stand in for shared scratch
 * space; scratch space, config files (with their
 * ports and paths rewritten for the host) and secret files (owner-only) under the replica's folder.
 * A secret or config folder mounted inside another such folder lands inside it, so a process finds
 * {@code msp/keystore} under {@code msp} as it would in a container. Teardown clears what was laid out.
 */
final class HostMounts {
  static final String VOLUMES = "volumes";
  static final String SCRATCH = "scratch";
  static final String CONFIGS = "configs";
  static final String SECRETS = "secrets";

  /** The container paths of a service's mounts, the folders standing in for them, and the rewriter that knows both. */
  record Layout(Map<String, Path> mounts, HostRewriter rewriter) {}

  /** A container folder and the host folder for it; {@code nests} when files of a secret or config may sit inside another. */
  private record Folder(String containerPath, Path host, boolean nests) {}

  private HostMounts() {}

  /**
   * Lays out the mounts of {@code service} under {@code root} (its replica's folder is named after
   * {@code anchor}), writes its config and secret files, and returns where everything went.
   */
  static Layout layOut(ComposeProject project, String service, String anchor, ServiceSpec spec, Path root, HostPorts ports) {
    Path dir = root.resolve(anchor);
    List<Folder> folders = new ArrayList<>();
    for (Mount m : spec.volumes()) {
      folders.add(folder(service, m, root, dir));
    }
    spec.secrets().stream().map(SecretMount::folder).distinct()
        .forEach(f -> folders.add(new Folder(f, dir.resolve(SECRETS).resolve(f.replaceFirst("^/+", "")), true)));
    for (String device : spec.devices()) {
      int colon = device.indexOf(':');
      folders.add(new Folder(device.substring(colon + 1), Path.of(device.substring(0, colon)), false));
    }
    Map<String, Path> mounts = place(folders);
    HostRewriter rewriter = new HostRewriter(ports.all(), ports.of(anchor), mounts);
    try {
      for (Mount m : spec.volumes()) {
        Path target = mounts.get(m.target());
        Files.createDirectories(target);
        if (Mount.BIND.equals(m.type())) {
          writeConfigFiles(project, m.source(), target, rewriter);
        }
      }
      for (SecretMount secret : spec.secrets()) {
        Path file = mounts.get(secret.folder()).resolve(relative(secret.folder(), secret.target()));
        Files.createDirectories(file.getParent());
        OwnerOnlyFiles.write(file, secretBytes(project, secret.source()));
      }
    } catch (IOException e) {
      throw new PlatformException("prepare volumes of", "service " + service, e.getMessage(), e);
    }
    return new Layout(mounts, rewriter);
  }

  private static Folder folder(String service, Mount m, Path root, Path dir) {
    return switch (m.type()) {
      case Mount.VOLUME -> m.source() == null
          ? new Folder(m.target(), scratch(dir, m.target()), false)
          : new Folder(m.target(), root.resolve(VOLUMES).resolve(m.source()), false);
      case Mount.TMPFS -> new Folder(m.target(), scratch(dir, m.target()), false);
      case Mount.BIND -> bind(service, m, dir);
      default -> throw new UsageException("Mount type " + m.type() + " of service " + service + " is not one the host runtime knows");
    };
  }

  private static Folder bind(String service, Mount m, Path dir) {
    String source = m.source().replaceFirst("^\\./", "");
    if (source.startsWith(ComposeNames.CONFIGS + "/")) {
      return new Folder(m.target(), dir.resolve(source), true);
    }
    if (source.startsWith(ComposeNames.SECRETS + "/")) {
      String secret = source.substring(ComposeNames.SECRETS.length() + 1);
      throw new PlatformException("start", "secret " + secret, "it is provided outside Chainwright, and the host runtime "
          + "has nowhere to read it from (Compose reads ./" + ComposeNames.providedSecretDirectory(secret) + "); declare its values");
    }
    throw new UsageException("Service " + service + " binds " + m.source() + ", which the host runtime cannot place");
  }

  private static Path scratch(Path dir, String target) {
    return dir.resolve(SCRATCH).resolve(target.replaceFirst("^/+", "").replaceAll("[^a-zA-Z0-9._-]", "_"));
  }

  /** Outermost first, so that a folder nested in another is placed inside the host folder of its parent. */
  private static Map<String, Path> place(List<Folder> folders) {
    Map<String, Path> mounts = new LinkedHashMap<>();
    List<Folder> placed = new ArrayList<>();
    for (Folder f : folders.stream().sorted(Comparator.comparingInt(f -> f.containerPath().length())).toList()) {
      Optional<Folder> parent = placed.stream().filter(p -> p.nests() && f.nests() && isUnder(f.containerPath(), p.containerPath()))
          .max(Comparator.comparingInt(p -> p.containerPath().length()));
      Path host = parent.map(p -> mounts.get(p.containerPath()).resolve(relative(p.containerPath(), f.containerPath()))).orElse(f.host());
      mounts.put(f.containerPath(), host);
      placed.add(f);
    }
    return mounts;
  }

  private static boolean isUnder(String path, String folder) {
    return path.startsWith(folder.endsWith("/") ? folder : folder + "/");
  }

  private static String relative(String folder, String path) {
    return path.substring(folder.length()).replaceFirst("^/+", "");
  }

  /** The project's files under a bind mount's source, with their ports and paths rewritten for the host. */
  private static void writeConfigFiles(ComposeProject project, String source, Path target, HostRewriter rewriter) throws IOException {
    String prefix = source.replaceFirst("^\\./", "") + "/";
    for (Map.Entry<String, String> file : project.files().entrySet()) {
      if (file.getKey().startsWith(prefix)) {
        Path path = target.resolve(file.getKey().substring(prefix.length()));
        Files.createDirectories(path.getParent());
        Files.writeString(path, rewriter.rewrite(file.getValue()));
      }
    }
  }

  /** A secret's bytes: held by the project, or in the file the project names. */
  private static byte[] secretBytes(ComposeProject project, String secret) throws IOException {
    ComposeFile.SecretSource source = project.compose().secrets().get(secret);
    String file = source.file().replaceFirst("^\\./", "");
    SecretValue held = project.secretFiles().get(file);
    return held != null ? held.resolve() : Files.readAllBytes(Path.of(source.file()));
  }

  /** Secrets, scratch and config folders never outlive the deployment; volumes go only when the teardown says so. */
  static void clear(ComposeProject project, Path root, Teardown teardown) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    if (teardown == Teardown.DELETE_ALL_VOLUMES) {
      deleteTree(root);
      return;
    }
    try (Stream<Path> replicas = Files.list(root)) {
      for (Path replica : replicas.filter(Files::isDirectory).toList()) {
        deleteTree(replica.resolve(SECRETS));
        deleteTree(replica.resolve(SCRATCH));
        deleteTree(replica.resolve(CONFIGS));
      }
    }
    // The same labels the Docker runtime's teardown reads: shared scratch space always goes, unkept volumes on DELETE_VOLUMES.
    for (var volume : project.compose().volumes().entrySet()) {
      Map<String, String> labels = volume.getValue().labels();
      if ("true".equals(labels.get(OwnershipLabels.SCRATCH))
          || teardown == Teardown.DELETE_VOLUMES && "false".equals(labels.get(OwnershipLabels.KEEP_ON_DELETE))) {
        deleteTree(root.resolve(VOLUMES).resolve(volume.getKey()));
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
