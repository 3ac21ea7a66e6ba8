package io.chainwright.kubernetes;

import io.chainwright.api.Network;
import io.chainwright.api.backend.Backend;
import io.chainwright.kubernetes.render.NetworkRenderer;
import io.chainwright.kubernetes.render.RenderOptions;

/** The Kubernetes backend: renders a network as typed fabric8 objects, and deploys it to a cluster. */
public final class KubernetesBackend implements Backend<KubernetesRendering> {
  private final RenderOptions renderOptions;

  private KubernetesBackend(RenderOptions renderOptions) {
    this.renderOptions = renderOptions;
  }

  public static KubernetesBackend create() {
    return new KubernetesBackend(RenderOptions.defaults());
  }

  @Override
  public String name() {
    return "kubernetes";
  }

  @Override
  public KubernetesRendering render(Network network) {
    return new KubernetesRendering(network.name(), new NetworkRenderer(renderOptions).render(network));
  }

  @Override
  public io.chainwright.api.backend.Deployment deploy(Network network) {
    throw new UnsupportedOperationException("not yet");
  }
}
