package io.chainwright.kubernetes.render;

import io.chainwright.api.Container;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Gpu;
import io.chainwright.api.PodField;
import io.chainwright.api.Port;
import io.chainwright.api.Resources;
import io.chainwright.api.Seccomp;
import io.chainwright.api.SecurityContext;
import io.chainwright.api.Sgx;
import io.chainwright.api.volume.VolumeMount;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns a model container into a Kubernetes container: image, environment, ports, mounts, resources, probes, security. */
final class ContainerRenderer {
  /** How a container runs in its pod. */
  enum Role {
    INIT,
    SIDECAR,
    MAIN
  }

  /**
   * The pod's address, for the host allowlists: Kubernetes expands {@code $(NAME)} in arguments
   * from the container's environment, so each replica names its own address.
   */
  static final String POD_ADDRESS = EnvVar.RESERVED_PREFIX + "POD_IP";

  private ContainerRenderer() {}

  static io.fabric8.kubernetes.api.model.Container render(Container c, Role role) {
    ContainerBuilder b = new ContainerBuilder()
        .withName(c.name())
        .withImage(c.image().reference())
        .withCommand(RenderContext.listOrNull(c.command()))
        .withArgs(RenderContext.listOrNull(args(c)))
        .withWorkingDir(c.workingDir().orElse(null))
        .withEnv(RenderContext.listOrNull(environment(c)))
        .withPorts(RenderContext.listOrNull(c.ports().stream().map(ContainerRenderer::port).toList()))
        .withVolumeMounts(RenderContext.listOrNull(c.mounts().stream().map(ContainerRenderer::mount).toList()))
        .withResources(resources(c.resources()))
        .withSecurityContext(security(c.security()));
    // A native sidecar is an init container that keeps running; it starts before, and stops after, the main containers.
    if (role == Role.SIDECAR) {
      b.withRestartPolicy("Always");
    }
    // Kubernetes refuses probes on plain init containers: they run once and exit.
    if (role != Role.INIT) {
      c.readiness().ifPresent(p -> b.withReadinessProbe(ProbeRenderer.render(p, c)));
      c.liveness().ifPresent(p -> b.withLivenessProbe(ProbeRenderer.render(p, c)));
      c.startup().ifPresent(p -> b.withStartupProbe(ProbeRenderer.render(p, c)));
    }
    return b.build();
  }

  /** Kubelet probes and Prometheus address a pod by its IP, which each host allowlist must then hold. */
  private static List<String> args(Container c) {
    return c.hostAllowlistFlags().isEmpty() ? c.args() : c.argsAllowingHost("$(" + POD_ADDRESS + ")");
  }

  private static List<io.fabric8.kubernetes.api.model.EnvVar> environment(Container c) {
    List<io.fabric8.kubernetes.api.model.EnvVar> env = new ArrayList<>(c.env().stream().map(ContainerRenderer::env).toList());
    if (!c.hostAllowlistFlags().isEmpty()) {
      env.add(new EnvVarBuilder().withName(POD_ADDRESS).withNewValueFrom().withNewFieldRef(null, fieldPath(PodField.POD_IP))
          .endValueFrom().build());
    }
    return env;
  }

  private static io.fabric8.kubernetes.api.model.EnvVar env(EnvVar e) {
    EnvVarBuilder b = new EnvVarBuilder().withName(e.name());
    e.value().ifPresent(b::withValue);
    e.secret().ifPresent(ref -> b.withNewValueFrom().withNewSecretKeyRef(ref.key(), ref.secret(), null).endValueFrom());
    e.field().ifPresent(f -> b.withNewValueFrom().withNewFieldRef(null, fieldPath(f)).endValueFrom());
    return b.build();
  }

  private static String fieldPath(PodField field) {
    return switch (field) {
      case POD_NAME -> "metadata.name";
      case POD_IP -> "status.podIP";
      case NAMESPACE -> "metadata.namespace";
      case NODE_NAME -> "spec.nodeName";
      case HOST_IP -> "status.hostIP";
    };
  }

  private static ContainerPort port(Port p) {
    return new ContainerPortBuilder().withName(p.name()).withContainerPort(p.number()).withProtocol(p.protocol().name()).build();
  }

  private static io.fabric8.kubernetes.api.model.VolumeMount mount(VolumeMount m) {
    return new VolumeMountBuilder()
        .withName(m.volume())
        .withMountPath(m.path())
        .withReadOnly(m.readOnly() ? true : null)
        .withSubPath(m.subPath().orElse(null))
        .build();
  }

  static ResourceRequirements resources(Resources r) {
    Map<String, Quantity> requests = new TreeMap<>();
    Map<String, Quantity> limits = new TreeMap<>();
    r.cpuRequest().ifPresent(q -> requests.put("cpu", new Quantity(q)));
    r.memoryRequest().ifPresent(q -> requests.put("memory", new Quantity(q)));
    r.cpuLimit().ifPresent(q -> limits.put("cpu", new Quantity(q)));
    r.memoryLimit().ifPresent(q -> limits.put("memory", new Quantity(q)));
    // Extended resources such as GPUs are limits only; the request defaults to the limit.
    r.gpu().ifPresent((Gpu g) -> limits.put(g.resource(), new Quantity(Integer.toString(g.count()))));
    r.sgx().ifPresent((Sgx s) -> {
      limits.put(Sgx.EPC_RESOURCE, new Quantity(s.epc()));
      limits.put(Sgx.ENCLAVE_RESOURCE, new Quantity("1"));
      if (s.provision()) {
        limits.put(Sgx.PROVISION_RESOURCE, new Quantity("1"));
      }
    });
    if (requests.isEmpty() && limits.isEmpty()) {
      return null;
    }
    return new ResourceRequirementsBuilder()
        .withRequests(RenderContext.sortedOrNull(requests))
        .withLimits(RenderContext.sortedOrNull(limits))
        .build();
  }

  static io.fabric8.kubernetes.api.model.SecurityContext security(SecurityContext s) {
    SecurityContextBuilder b = new SecurityContextBuilder()
        .withRunAsUser(s.runAsUser())
        .withRunAsGroup(s.runAsGroup())
        .withRunAsNonRoot(s.runAsNonRoot())
        .withReadOnlyRootFilesystem(s.readOnlyRootFilesystem())
        .withAllowPrivilegeEscalation(s.allowPrivilegeEscalation())
        .withPrivileged(s.privileged() ? true : null)
        .withNewCapabilities()
        .withDrop(List.of("ALL"))
        .withAdd(RenderContext.listOrNull(s.capabilities().stream().sorted().toList()))
        .endCapabilities()
        .withNewSeccompProfile().withType(s.seccomp() == Seccomp.RUNTIME_DEFAULT ? "RuntimeDefault" : "Unconfined").endSeccompProfile();
    return b.build();
  }
}
