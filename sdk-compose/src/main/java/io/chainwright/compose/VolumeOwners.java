package io.chainwright.compose;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A one-shot service that hands a service's fresh named volumes to the user it runs as. Docker
 * creates a named volume owned by root, and Compose has no equivalent of Kubernetes' {@code fsGroup},
 * so a non-root node could not write its own data directory. Only the volume roots are changed: what
 * the node wrote there is its own already, and a large chain database is not walked on every start.
 */
final class VolumeOwners {
  /** The image that runs {@code chown}: small, and the version Debian's busybox-static package ships. */
  static final String IMAGE = "busybox:1.35.0";
  static final String SUFFIX = "-volume-owner";

  private VolumeOwners() {}

  /** The owner service's name for {@code service}. */
  static String nameFor(String service) {
    return service + SUFFIX;
  }

  /** Mounts each volume under {@code /volumes} and gives it to {@code user:group}, with no network and only CHOWN. */
  static Map<String, Object> service(Collection<String> volumes, long user, long group, Map<String, String> labels) {
    List<String> command = new ArrayList<>(List.of("chown", user + ":" + group));
    List<Object> mounts = new ArrayList<>();
    for (String volume : volumes) {
      command.add("/volumes/" + volume);
      Map<String, Object> mount = new LinkedHashMap<>();
      mount.put("type", "volume");
      mount.put("source", volume);
      mount.put("target", "/volumes/" + volume);
      mounts.add(mount);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("image", IMAGE);
    out.put("entrypoint", command);
    out.put("network_mode", "none");
    out.put("volumes", mounts);
    out.put("restart", "no");
    out.put("user", "0:0");
    out.put("read_only", true);
    out.put("cap_drop", List.of("ALL"));
    out.put("cap_add", List.of("CHOWN"));
    out.put("security_opt", List.of("no-new-privileges:true"));
    out.put("labels", labels);
    return out;
  }
}
