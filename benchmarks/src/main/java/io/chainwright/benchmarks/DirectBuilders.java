package io.chainwright.benchmarks;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The baseline: the objects of {@link SyntheticNetwork} written by hand with fabric8's builders. */
final class DirectBuilders {
  private DirectBuilders() {}

  static List<HasMetadata> build(String network, int workloads) {
    List<HasMetadata> objects = new ArrayList<>();
    Map<String, String> owned = new TreeMap<>(Map.of("app.kubernetes.io/managed-by", "chainwright", "chainwright.io/network", network));
    objects.add(new NamespaceBuilder().withNewMetadata().withName(network).withLabels(owned).endMetadata().build());
    objects.add(new NetworkPolicyBuilder().withNewMetadata().withName("default-deny").withNamespace(network).withLabels(owned).endMetadata()
        .withNewSpec().withNewPodSelector().endPodSelector().withPolicyTypes("Ingress", "Egress").endSpec().build());
    objects.add(new NetworkPolicyBuilder().withNewMetadata().withName("allow-dns").withNamespace(network).withLabels(owned).endMetadata()
        .withNewSpec().withNewPodSelector().endPodSelector().withPolicyTypes("Egress")
        .addNewEgress().addNewTo().withNewNamespaceSelector().withMatchLabels(Map.of("kubernetes.io/metadata.name", "kube-system"))
        .endNamespaceSelector().withNewPodSelector().withMatchLabels(Map.of("k8s-app", "kube-dns")).endPodSelector().endTo()
        .addNewPort().withPort(new IntOrString(53)).withProtocol("UDP").endPort()
        .addNewPort().withPort(new IntOrString(53)).withProtocol("TCP").endPort().endEgress()
        .endSpec().build());
    for (int i = 0; i < workloads; i++) {
      String name = SyntheticNetwork.name(i);
      Map<String, String> selector = new TreeMap<>(Map.of("chainwright.io/network", network, "chainwright.io/workload", name));
      Map<String, String> labels = new TreeMap<>(owned);
      labels.putAll(selector);
      labels.put("app.kubernetes.io/name", name);
      labels.put("app.kubernetes.io/part-of", network);
      objects.add(new ConfigMapBuilder().withNewMetadata().withName(name + "-config").withNamespace(network).withLabels(labels).endMetadata()
          .withData(Map.of("app.toml", "id = " + i + "\n")).build());
      objects.add(new ServiceBuilder().withNewMetadata().withName(name).withNamespace(network).withLabels(labels).endMetadata()
          .withNewSpec().withType("ClusterIP").withSelector(selector)
          .addNewPort().withName("http").withPort(8080).withTargetPort(new IntOrString("http")).withProtocol("TCP").endPort()
          .endSpec().build());
      objects.add(new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(network).withLabels(labels).endMetadata()
          .withNewSpec().withReplicas(2).withNewSelector().withMatchLabels(selector).endSelector()
          .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
          .withNewSpec().withAutomountServiceAccountToken(false)
          .addNewContainer().withName("app").withImage("example/app:1.0").withArgs("--listen=:8080", "--id=" + i)
          .addNewPort().withName("http").withContainerPort(8080).withProtocol("TCP").endPort()
          .addNewVolumeMount().withName("config").withMountPath("/config").withReadOnly(true).endVolumeMount()
          .withNewSecurityContext().withRunAsUser(10001L).withRunAsGroup(10001L).withRunAsNonRoot(true)
          .withReadOnlyRootFilesystem(true).withAllowPrivilegeEscalation(false)
          .withNewCapabilities().withDrop("ALL").endCapabilities()
          .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().endSecurityContext()
          .endContainer()
          .addNewVolume().withName("config").withNewConfigMap().withName(name + "-config").endConfigMap().endVolume()
          .withNewSecurityContext().withRunAsNonRoot(true).withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().endSecurityContext()
          .endSpec().endTemplate().endSpec().build());
      objects.add(new PodDisruptionBudgetBuilder().withNewMetadata().withName(name).withNamespace(network).withLabels(labels).endMetadata()
          .withNewSpec().withMaxUnavailable(new IntOrString(1)).withNewSelector().withMatchLabels(selector).endSelector().endSpec().build());
      objects.add(new NetworkPolicyBuilder().withNewMetadata().withName(name + "-allow-ingress").withNamespace(network).withLabels(labels).endMetadata()
          .withNewSpec().withNewPodSelector().withMatchLabels(selector).endPodSelector().withPolicyTypes("Ingress")
          .addNewIngress().addNewFrom().withNewNamespaceSelector().withMatchLabels(Map.of("kubernetes.io/metadata.name", "clients"))
          .endNamespaceSelector().endFrom().addNewPort().withPort(new IntOrString("http")).withProtocol("TCP").endPort().endIngress()
          .endSpec().build());
    }
    return objects;
  }
}
