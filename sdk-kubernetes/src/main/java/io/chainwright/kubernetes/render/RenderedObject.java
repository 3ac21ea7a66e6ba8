package io.chainwright.kubernetes.render;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Locale;

/**
 * One rendered Kubernetes object and the tier it is applied in.
 *
 * @param tier when the object is applied relative to the others
 * @param object the typed fabric8 object
 */
public record RenderedObject(Tier tier, HasMetadata object) {
  public String kind() {
    return object.getKind();
  }

  public String name() {
    return object.getMetadata().getName();
  }

  /** The namespace, or empty for cluster-scoped objects. */
  public String namespace() {
    String ns = object.getMetadata().getNamespace();
    return ns == null ? "" : ns;
  }

  /** How people name the object in messages, e.g. {@code StatefulSet chain/rpc}. */
  public String describe() {
    return kind() + " " + (namespace().isEmpty() ? "" : namespace() + "/") + name();
  }

  /** A file name for the object alone, e.g. {@code statefulset-rpc.yaml}. */
  public String fileName() {
    return kind().toLowerCase(Locale.ROOT) + "-" + name() + ".yaml";
  }
}
