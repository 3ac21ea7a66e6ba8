package io.chainwright.kubernetes.cluster;

import io.chainwright.kubernetes.render.Tier;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TCPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.UDPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.fabric8.openshift.api.model.monitoring.v1alpha1.AlertmanagerConfig;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every kind the renderer produces: its tier, whether it lives in a namespace, and how to reach it,
 * through a typed class or, for kinds whose typed models lag behind, an explicit resource definition.
 */
final class Kinds {
  /** One kind of object Chainwright may own. */
  record Kind(String kind, Tier tier, Class<? extends HasMetadata> type, ResourceDefinitionContext generic) {
    boolean namespaced() {
      return generic != null ? generic.isNamespaceScoped() : io.fabric8.kubernetes.api.model.Namespaced.class.isAssignableFrom(type);
    }

    boolean isGeneric() {
      return generic != null;
    }

    /** Persistent data: never pruned, and deleted on teardown only when asked. */
    boolean holdsData() {
      return type == PersistentVolumeClaim.class || type == PersistentVolume.class;
    }
  }

  static final List<Kind> ALL = List.of(
      typed(Namespace.class, Tier.NAMESPACES),
      typed(ResourceQuota.class, Tier.POLICY),
      typed(LimitRange.class, Tier.POLICY),
      typed(NetworkPolicy.class, Tier.POLICY),
      generic("CiliumNetworkPolicy", Tier.POLICY, "cilium.io", "v2", "ciliumnetworkpolicies", true),
      typed(PodDisruptionBudget.class, Tier.POLICY),
      typed(StorageClass.class, Tier.STORAGE),
      typed(PersistentVolume.class, Tier.STORAGE),
      typed(PersistentVolumeClaim.class, Tier.STORAGE),
      typed(Secret.class, Tier.CONFIG),
      typed(ConfigMap.class, Tier.CONFIG),
      generic("ExternalSecret", Tier.CONFIG, "external-secrets.io", "v1", "externalsecrets", true),
      generic("ClusterPolicy", Tier.CONFIG, "nvidia.com", "v1", "clusterpolicies", false),
      typed(ServiceAccount.class, Tier.RBAC),
      typed(Role.class, Tier.RBAC),
      typed(RoleBinding.class, Tier.RBAC),
      typed(Service.class, Tier.SERVICES),
      typed(Ingress.class, Tier.SERVICES),
      typed(Gateway.class, Tier.SERVICES),
      typed(HTTPRoute.class, Tier.SERVICES),
      typed(GRPCRoute.class, Tier.SERVICES),
      typed(TLSRoute.class, Tier.SERVICES),
      typed(TCPRoute.class, Tier.SERVICES),
      typed(UDPRoute.class, Tier.SERVICES),
      generic("SecurityPolicy", Tier.SERVICES, "gateway.envoyproxy.io", "v1alpha1", "securitypolicies", true),
      generic("BackendTrafficPolicy", Tier.SERVICES, "gateway.envoyproxy.io", "v1alpha1", "backendtrafficpolicies", true),
      typed(StatefulSet.class, Tier.WORKLOADS),
      typed(Deployment.class, Tier.WORKLOADS),
      typed(DaemonSet.class, Tier.WORKLOADS),
      typed(Job.class, Tier.WORKLOADS),
      typed(CronJob.class, Tier.WORKLOADS),
      typed(ServiceMonitor.class, Tier.MONITORING),
      typed(PrometheusRule.class, Tier.MONITORING),
      typed(AlertmanagerConfig.class, Tier.MONITORING),
      typed(HorizontalPodAutoscaler.class, Tier.AUTOSCALING),
      generic("VerticalPodAutoscaler", Tier.AUTOSCALING, "autoscaling.k8s.io", "v1", "verticalpodautoscalers", true),
      generic("VolumeSnapshotClass", Tier.BACKUPS, "snapshot.storage.k8s.io", "v1", "volumesnapshotclasses", false));

  private Kinds() {}

  private static Kind typed(Class<? extends HasMetadata> type, Tier tier) {
    return new Kind(HasMetadata.getKind(type), tier, type, null);
  }

  private static Kind generic(String kind, Tier tier, String group, String version, String plural, boolean namespaced) {
    return new Kind(kind, tier, GenericKubernetesResource.class,
        new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
            .withPlural(plural).withNamespaced(namespaced).build());
  }

  static Optional<Kind> of(HasMetadata o) {
    return ALL.stream().filter(k -> k.kind().equals(o.getKind())).findFirst();
  }

  static Kind require(HasMetadata o) {
    return of(o).orElseThrow(() -> new IllegalStateException("No kind registered for " + o.getKind()));
  }

  /** The resource name RBAC rules use, e.g. {@code statefulsets.apps}. */
  static String resourceOf(HasMetadata o) {
    Optional<Kind> kind = of(o);
    String plural = kind.map(k -> k.isGeneric() ? k.generic().getPlural() : HasMetadata.getPlural(k.type()))
        .orElse(o.getKind().toLowerCase(Locale.ROOT) + "s");
    String apiVersion = o.getApiVersion() == null ? "" : o.getApiVersion();
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? plural : plural + "." + apiVersion.substring(0, slash);
  }
}
