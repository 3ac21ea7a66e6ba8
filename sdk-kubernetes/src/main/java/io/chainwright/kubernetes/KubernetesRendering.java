package io.chainwright.kubernetes;

import io.chainwright.api.backend.Rendering;
import io.chainwright.kubernetes.render.AuditPolicy;
import io.chainwright.kubernetes.render.RenderedObject;
import io.chainwright.kubernetes.render.Tier;
import io.chainwright.kubernetes.render.YamlWriter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network rendered as typed Kubernetes objects, and as YAML files: {@code <network>.yaml} with
 * every object, and {@code <network>/<NN-tier>/<kind>-<name>.yaml} with one object per file,
 * which {@code kubectl apply -R -f <network>} and GitOps tools apply in tier order; and
 * {@code audit/<network>.yaml}, the network's {@linkplain #auditPolicy() audit policy}, which is
 * for the API server, not to apply.
 */
public final class KubernetesRendering implements Rendering {
  /** Outside every network's folder, so that applying a folder never meets a file that is not an object. */
  private static final String AUDIT_DIRECTORY = "audit/";
  private final String network;
  private final List<RenderedObject> objects;
  private Map<String, String> files;

  KubernetesRendering(String network, List<RenderedObject> objects) {
    this.network = network;
    this.objects = List.copyOf(objects);
  }

  /** The name of the rendered network. */
  public String network() {
    return network;
  }

  @Override
  public String name() {
    return network;
  }

  /** Every object with its tier, in apply order. */
  public List<RenderedObject> rendered() {
    return objects;
  }

  /**
   * Every object, in apply order. They are fabric8's own mutable types, shared with this
   * rendering: change a copy, not these, or {@link #files()} may write the change.
   */
  public List<HasMetadata> objects() {
    return objects.stream().map(RenderedObject::object).toList();
  }

  /** The objects of one tier, in apply order. */
  public List<HasMetadata> objects(Tier tier) {
    return objects.stream().filter(o -> o.tier() == tier).map(RenderedObject::object).toList();
  }

  /** All objects as one multi-document YAML text. */
  public String yaml() {
    return files().get(network + ".yaml");
  }

  /** The network's Kubernetes audit policy: a file for the API server's {@code --audit-policy-file}, not an object to apply. */
  public String auditPolicy() {
    return files().get(AUDIT_DIRECTORY + network + ".yaml");
  }

  @Override
  public synchronized Map<String, String> files() {
    if (files == null) {
      Map<String, String> out = new LinkedHashMap<>();
      StringBuilder all = new StringBuilder();
      Map<String, String> perObject = new LinkedHashMap<>();
      for (RenderedObject o : objects) {
        String yaml = YamlWriter.write(o.object());
        all.append("---\n").append(yaml);
        perObject.put(network + "/" + o.tier().directory() + "/" + o.fileName(), yaml);
      }
      out.put(network + ".yaml", all.toString());
      out.putAll(perObject);
      out.put(AUDIT_DIRECTORY + network + ".yaml", AuditPolicy.of(network, objects));
      files = Collections.unmodifiableMap(out);
    }
    return files;
  }
}
