package io.chainwright.compose;

import io.chainwright.api.Image;
import io.chainwright.compose.spec.Mount;
import io.chainwright.compose.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A one-shot service that hands a service's fresh named volumes to the user it runs as. Docker
 * creates a named volume owned by root, and Compose has no equivalent of Kubernetes' {@code fsGroup},
 * so a non-root node could not write its own data directory. Only the volume roots are changed: what
 * the node wrote there is its own already, and a large chain database is not walked on every start.
 */
final class VolumeOwners {
  /** The image that runs {@code chown}. */
  static final String IMAGE = Image.SHELL.reference();
  static final String SUFFIX = "-volume-owner";

  private VolumeOwners() {}

  /** The owner service's name for {@code service}. */
  static String nameFor(String service) {
    return service + SUFFIX;
  }

  /** Mounts each volume under {@code /volumes} and gives it to {@code user:group}, with no network and only CHOWN. */
  static ServiceSpec service(Collection<String> volumes, long user, long group, Map<String, String> labels) {
    List<String> command = new ArrayList<>(List.of("chown", user + ":" + group));
    List<Mount> mounts = new ArrayList<>();
    for (String volume : volumes) {
      command.add("/volumes/" + volume);
      mounts.add(new Mount(Mount.VOLUME, volume, "/volumes/" + volume, null, null));
    }
    return new ServiceSpec(IMAGE, command, List.of(), null, Map.of(), List.of(), null, "none", mounts, List.of(), List.of(),
        null, Map.of(), ServiceSpec.NO_RESTART, null, List.of(), "0:0", true, List.of("ALL"), List.of("CHOWN"),
        List.of("no-new-privileges:true"), null, Map.of(), null, labels);
  }
}
