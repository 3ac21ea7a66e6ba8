package io.chainwright.kubernetes.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainwright.api.PlatformException;
import io.chainwright.kubernetes.render.RenderedObject;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the rendering needs of the API server, checked before anything is applied: native sidecars
 * (init containers that keep running) are on by default from Kubernetes 1.29, and an older server
 * refuses them with "field not declared in schema", object by object, after the objects before
 * them were applied.
 */
final class ServerRequirements {
  static final int SIDECAR_MINOR = 29;
  private static final Logger LOG = LoggerFactory.getLogger(ServerRequirements.class);
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private ServerRequirements() {}

  static void check(KubernetesClient client, String network, List<RenderedObject> rendering) {
    List<String> withSidecars = rendering.stream().filter(o -> hasSidecar(SERIALIZATION.convertValue(o.object(), JsonNode.class)))
        .map(RenderedObject::describe).toList();
    if (withSidecars.isEmpty()) {
      return;
    }
    VersionInfo version;
    try {
      version = client.getKubernetesVersion();
    } catch (KubernetesClientException e) {
      // A server that does not say its version is left to judge the objects itself.
      LOG.debug("The API server did not give its version: {}", e.getMessage());
      return;
    }
    if (version != null && "1".equals(version.getMajor()) && minor(version) < SIDECAR_MINOR) {
      throw new PlatformException("deploy", "network " + network, withSidecars + " run native sidecar containers, which"
          + " Kubernetes runs from 1." + SIDECAR_MINOR + "; this API server is " + version.getGitVersion() + ". Nothing was applied");
    }
  }

  /** Managed clusters write minors such as {@code 28+}. */
  private static int minor(VersionInfo version) {
    String digits = version.getMinor() == null ? "" : version.getMinor().replaceAll("\\D", "");
    return digits.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(digits);
  }

  private static boolean hasSidecar(JsonNode node) {
    if (node.isObject()) {
      for (JsonNode init : node.path("initContainers")) {
        if ("Always".equals(init.path("restartPolicy").asText())) {
          return true;
        }
      }
    }
    for (JsonNode child : node) {
      if (hasSidecar(child)) {
        return true;
      }
    }
    return false;
  }
}
