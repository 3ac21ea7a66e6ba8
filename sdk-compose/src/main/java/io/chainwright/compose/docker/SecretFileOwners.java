package io.chainwright.compose.docker;

import io.chainwright.api.PlatformException;
import io.chainwright.api.Secret;
import io.chainwright.api.SecurityContext;
import io.chainwright.api.volume.SecretVolume;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.compose.ComposeNames;
import io.chainwright.compose.ComposeProject;
import io.chainwright.compose.ComposeService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives each secret file to the user of the service that reads it. Without swarm, Compose
 * bind-mounts secret files as they are on the host and ignores their {@code mode}, so a non-root
 * service cannot read an owner-only file that root wrote. The files stay owner-only.
 */
final class SecretFileOwners {
  private SecretFileOwners() {}

  /** Changes the owner of each written secret file in {@code dir}; two services of different users on one file is an error. */
  static void apply(ComposeProject project, Path dir) {
    Map<Path, SecurityContext> owners = new HashMap<>();
    for (ComposeService s : project.plan().services()) {
      for (VolumeMount m : s.container().mounts()) {
        if (!(s.workload().volume(m.volume()).orElseThrow() instanceof SecretVolume volume)) {
          continue;
        }
        Secret secret = project.plan().network().secret(volume.secret()).orElseThrow();
        for (String key : secret.data().keySet()) {
          Path file = dir.resolve(ComposeNames.secretFile(secret.name(), key));
          if (volume.pathOf(key).isEmpty() || !Files.exists(file)) {
            continue;
          }
          SecurityContext user = s.container().security();
          SecurityContext earlier = owners.putIfAbsent(file, user);
          if (earlier != null && (earlier.runAsUser() != user.runAsUser() || earlier.runAsGroup() != user.runAsGroup())) {
            throw new PlatformException("share", "secret file " + file, "services running as different users read it;"
                + " Compose mounts one file for all of them, so give them one user");
          }
          own(file, user);
        }
      }
    }
  }

  private static void own(Path file, SecurityContext user) {
    try {
      if (((Number) Files.getAttribute(file, "unix:uid")).longValue() != user.runAsUser()) {
        Files.setAttribute(file, "unix:uid", (int) user.runAsUser());
      }
      if (((Number) Files.getAttribute(file, "unix:gid")).longValue() != user.runAsGroup()) {
        Files.setAttribute(file, "unix:gid", (int) user.runAsGroup());
      }
    } catch (IOException | UnsupportedOperationException e) {
      throw new PlatformException("give", "secret file " + file + " to user " + user.runAsUser(), e.getMessage()
          + "; the service could not read it through Compose's bind mount (run as root, or run the service as your user)", e);
    }
  }
}
