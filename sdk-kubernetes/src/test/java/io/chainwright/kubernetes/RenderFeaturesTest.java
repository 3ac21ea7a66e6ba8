package io.chainwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.Container;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Secret;
import io.chainwright.api.SecretValue;
import io.chainwright.api.SecurityContext;
import io.chainwright.api.ValidationException;
import io.chainwright.api.Violation;
import io.chainwright.api.Workload;
import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.policy.SecretSource;
import io.chainwright.api.volume.ConfigVolume;
import io.chainwright.api.volume.SecretVolume;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.kubernetes.render.Labels;
import io.chainwright.kubernetes.render.RenderedObject;
import io.chainwright.kubernetes.render.Tier;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RenderFeaturesTest {
  private final KubernetesRendering rich = KubernetesBackend.create().render(RichNetwork.rich());

  private <T extends HasMetadata> T find(KubernetesRendering r, Class<T> type, String name) {
    return r.objects().stream().filter(type::isInstance).map(type::cast)
        .filter(o -> o.getMetadata().getName().equals(name)).findFirst().orElseThrow(() -> new AssertionError(type.getSimpleName() + " " + name));
  }

  private GenericKubernetesResource generic(KubernetesRendering r, String kind, String name) {
    return r.objects().stream().filter(o -> o.getKind().equals(kind) && o.getMetadata().getName().equals(name))
        .map(GenericKubernetesResource.class::cast).findFirst().orElseThrow();
  }

  @Test
  void objectsComeInTierOrderWithTheNamespaceFirst() {
    List<Tier> tiers = rich.rendered().stream().map(RenderedObject::tier).toList();

    assertThat(tiers).isSorted();
    assertThat(rich.objects().get(0)).isInstanceOf(Namespace.class);
    assertThat(rich.objects(Tier.WORKLOADS)).extracting(HasMetadata::getKind)
        .containsExactly("StatefulSet", "Job", "CronJob", "DaemonSet", "Deployment");
    assertThat(rich.objects(Tier.BACKUPS)).extracting(HasMetadata::getKind).containsExactly("VolumeSnapshotClass", "CronJob");
  }

  @Test
  void secretItemsBecomeKeyToPathEntriesOfTheSecretVolume() {
    Network small = RichNetwork.small();
    Workload api = small.workloads().get(0);
    Network network = Network.builder().from(small)
        .addSecret(Secret.builder().name("msp").putData("key", SecretValue.of("k")).putData("cert", SecretValue.of("c")).build())
        .workloads(List.of(Workload.builder().from(api)
            .containers(List.of(Container.builder().from(api.containers().get(0)).addMount(VolumeMount.readOnly("msp", "/msp")).build()))
            .addVolume(SecretVolume.builder().name("msp").secret("msp").putItem("key", "keystore/key.pem").build()).build()))
        .build();

    var volume = KubernetesBackend.create().render(network).objects().stream()
        .flatMap(o -> o instanceof Deployment d ? d.getSpec().getTemplate().getSpec().getVolumes().stream()
            : o instanceof StatefulSet s ? s.getSpec().getTemplate().getSpec().getVolumes().stream() : java.util.stream.Stream.empty())
        .filter(v -> v.getName().equals("msp")).findFirst().orElseThrow();

    assertThat(volume.getSecret().getItems()).singleElement()
        .satisfies(item -> assertThat(item.getKey() + " -> " + item.getPath()).isEqualTo("key -> keystore/key.pem"));
  }

  @Test
  void eachHostAllowlistHoldsThePodsOwnAddressForProbesAndScrapers() {
    Network small = RichNetwork.small();
    Workload anvil = small.workloads().get(0);
    Container guarded = Container.builder().from(anvil.containers().get(0))
        .addArgs("--rest-api-host-allowlist=anvil,localhost", "--metrics-host-allowlist=anvil,localhost")
        .addHostAllowlistFlags("--rest-api-host-allowlist", "--metrics-host-allowlist").build();
    Network network = Network.builder().from(small)
        .workloads(List.of(Workload.builder().from(anvil).containers(List.of(guarded)).build())).build();

    var container = find(KubernetesBackend.create().render(network), Deployment.class, "anvil")
        .getSpec().getTemplate().getSpec().getContainers().get(0);

    assertThat(container.getArgs()).contains("--rest-api-host-allowlist=anvil,localhost,$(CHAINWRIGHT_POD_IP)",
        "--metrics-host-allowlist=anvil,localhost,$(CHAINWRIGHT_POD_IP)");
    assertThat(container.getEnv()).filteredOn(e -> e.getName().equals("CHAINWRIGHT_POD_IP")).singleElement()
        .satisfies(e -> assertThat(e.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("status.podIP"));
  }

  @Test
  void everyObjectCarriesTheOwnershipLabelsButSharedOnesNoNetwork() {
    for (HasMetadata o : rich.objects()) {
      var labels = assertThat(o.getMetadata().getLabels()).as(o.getKind() + " " + o.getMetadata().getName())
          .containsEntry(Labels.MANAGED_BY, "chainwright");
      boolean namespaceWide = Set.of("default-deny", "allow-dns").contains(o.getMetadata().getName());
      if (Set.of("StorageClass", "VolumeSnapshotClass").contains(o.getKind()) || namespaceWide) {
        labels.containsEntry(Labels.SHARED, "true").doesNotContainKey(Labels.NETWORK).hasSize(2);
      } else {
        labels.containsEntry(Labels.NETWORK, "rich");
      }
    }
  }

  @Test
  void containersRunWithTheRestrictedDefaults() {
    PodSpec pod = find(rich, Deployment.class, "api").getSpec().getTemplate().getSpec();
    var security = pod.getContainers().get(0).getSecurityContext();

    assertThat(security.getRunAsNonRoot()).isTrue();
    assertThat(security.getReadOnlyRootFilesystem()).isTrue();
    assertThat(security.getAllowPrivilegeEscalation()).isFalse();
    assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
  }

  @Test
  void aChangedConfigFileChangesThePodTemplateSoPodsAreReplaced() {
    Function<String, Map<String, String>> podAnnotations = content -> {
      Workload w = Workload.builder().name("proxy")
          .addContainer(Container.builder().name("proxy").image(Image.of("example/proxy:1"))
              .addMount(VolumeMount.readOnly("config", "/etc/proxy")).build())
          .addVolume(ConfigVolume.builder().name("config").putFile("proxy.conf", content).build())
          .build();
      return find(KubernetesBackend.create().render(Network.builder().name("cfg").addWorkload(w).build()), Deployment.class, "proxy")
          .getSpec().getTemplate().getMetadata().getAnnotations();
    };

    assertThat(podAnnotations.apply("upstream a;")).containsKey("chainwright.io/config-digest")
        .isEqualTo(podAnnotations.apply("upstream a;"));
    assertThat(podAnnotations.apply("upstream a;").get("chainwright.io/config-digest"))
        .isNotEqualTo(podAnnotations.apply("upstream b;").get("chainwright.io/config-digest"));
  }

  @Test
  void theNamespaceEnforcesTheStrictestPodSecurityLevelTheWorkloadsMeet() {
    Network restricted = RichNetwork.small();
    Network root = Network.builder().from(restricted).workloads(List.of(Workload.builder().name("root")
        .addContainer(Container.builder().name("root").image(Image.of("example/root:1")).security(SecurityContext.insecureRoot()).build())
        .build())).build();

    assertThat(level(KubernetesBackend.create().render(restricted))).isEqualTo("restricted");
    assertThat(level(KubernetesBackend.create().render(root))).isEqualTo("baseline");
    // The rich network mounts a host device, which only the privileged level allows.
    assertThat(level(rich)).isEqualTo("privileged");
  }

  private String level(KubernetesRendering r) {
    return r.objects().get(0).getMetadata().getLabels().get("pod-security.kubernetes.io/enforce");
  }

  @Test
  void gpusBecomeLimitsAndTheGpuModelANodeSelector() {
    PodSpec pod = find(rich, StatefulSet.class, "node").getSpec().getTemplate().getSpec();

    assertThat(pod.getContainers().get(0).getResources().getLimits()).containsEntry("nvidia.com/mig-1g.10gb", new Quantity("1"));
    assertThat(pod.getNodeSelector()).containsEntry("nvidia.com/gpu.product", "NVIDIA-H100-80GB-HBM3");
    assertThat(pod.getRuntimeClassName()).isEqualTo("kata-qemu-snp");
  }

  @Test
  void statefulWorkloadsGetClaimTemplatesAHeadlessServiceAndAPartitionedRollout() {
    StatefulSet sts = find(rich, StatefulSet.class, "node");
    Service headless = find(rich, Service.class, "node-headless");

    assertThat(sts.getSpec().getServiceName()).isEqualTo("node-headless");
    assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(sts.getSpec().getUpdateStrategy().getRollingUpdate().getPartition()).isEqualTo(1);
    assertThat(sts.getSpec().getVolumeClaimTemplates()).extracting(c -> c.getMetadata().getName()).containsExactly("data", "ancient");
    assertThat(sts.getSpec().getVolumeClaimTemplates().get(1).getMetadata().getLabels()).containsEntry(Labels.KEEP_ON_DELETE, "false");
    assertThat(sts.getSpec().getPodManagementPolicy()).isEqualTo("Parallel");
  }

  @Test
  void peerToPeerNodePortsKeepTcpAndUdpAsSeparateEntriesWithLocalTraffic() {
    Service nodePort = find(rich, Service.class, "node-nodeport");

    assertThat(nodePort.getSpec().getType()).isEqualTo("NodePort");
    assertThat(nodePort.getSpec().getExternalTrafficPolicy()).isEqualTo("Local");
    assertThat(nodePort.getSpec().getPorts()).extracting(ServicePort::getProtocol, ServicePort::getNodePort)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("TCP", 30303), org.assertj.core.groups.Tuple.tuple("UDP", 30303));
  }

  @Test
  void loadBalancersCarryTheirAnnotationsAndSourceRanges() {
    Service lb = find(rich, Service.class, "node-ws");

    assertThat(lb.getSpec().getType()).isEqualTo("LoadBalancer");
    assertThat(lb.getMetadata().getAnnotations()).containsEntry("service.beta.kubernetes.io/aws-load-balancer-type", "nlb");
    assertThat(lb.getSpec().getLoadBalancerSourceRanges()).containsExactly("10.0.0.0/8");
  }

  @Test
  void anNginxCompatibleIngressCarriesItsOptionsAsAnnotations() {
    Ingress rpc = find(rich, Ingress.class, "node-rpc");

    assertThat(rpc.getMetadata().getAnnotations())
        .containsEntry("nginx.ingress.kubernetes.io/auth-type", "basic")
        .containsEntry("nginx.ingress.kubernetes.io/auth-secret", "rpc-auth")
        .containsEntry("nginx.ingress.kubernetes.io/limit-rps", "20")
        .containsEntry("nginx.ingress.kubernetes.io/proxy-body-size", "1m")
        .containsEntry("nginx.ingress.kubernetes.io/proxy-read-timeout", "30");
    assertThat(rpc.getSpec().getTls().get(0).getSecretName()).isEqualTo("rpc-tls");
    assertThat(rpc.getSpec().getIngressClassName()).isEqualTo("nginx");
  }

  @Test
  void isolationDeniesByDefaultAndAlwaysAllowsDns() {
    NetworkPolicy deny = find(rich, NetworkPolicy.class, "default-deny");
    NetworkPolicy dns = find(rich, NetworkPolicy.class, "allow-dns");

    assertThat(deny.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    assertThat(deny.getSpec().getIngress()).isEmpty();
    assertThat(dns.getSpec().getEgress().get(0).getPorts()).extracting(p -> p.getPort().getIntVal() + "/" + p.getProtocol())
        .containsExactly("53/UDP", "53/TCP");
    NetworkPolicy egress = find(rich, NetworkPolicy.class, "node-allow-egress");
    assertThat(egress.getSpec().getEgress().get(0).getTo().get(0).getIpBlock().getCidr()).isEqualTo("0.0.0.0/0");
  }

  @Test
  void vaultAgentAnnotationsLetJobsFinish() {
    Map<String, String> node = find(rich, StatefulSet.class, "node").getSpec().getTemplate().getMetadata().getAnnotations();
    Map<String, String> job = find(rich, Job.class, "migrate").getSpec().getTemplate().getMetadata().getAnnotations();

    assertThat(node).containsEntry("vault.hashicorp.com/agent-inject", "true")
        .containsEntry("vault.hashicorp.com/role", "node")
        .containsEntry("vault.hashicorp.com/agent-inject-secret-api.key", "secret/data/node/api")
        .doesNotContainKey("vault.hashicorp.com/agent-pre-populate-only");
    assertThat(job).containsEntry("vault.hashicorp.com/agent-pre-populate-only", "true");
  }

  @Test
  void externalSecretsReplaceSecretObjectsAndProvidedSecretsAreNeverRendered() {
    KubernetesRendering external = KubernetesBackend.create().render(RichNetwork.rich(SecretSource.externalSecrets("vault-backend")));

    assertThat(external.objects()).extracting(HasMetadata::getKind).doesNotContain("Secret");
    GenericKubernetesResource tls = generic(external, "ExternalSecret", "rpc-tls");
    assertThat(tls.getApiVersion()).isEqualTo("external-secrets.io/v1");
    assertThat((Map<String, Object>) tls.get("spec", "secretStoreRef")).containsEntry("name", "vault-backend").containsEntry("kind", "SecretStore");
    assertThat((List<?>) tls.get("spec", "data")).hasSize(2);
    assertThat(rich.objects()).filteredOn(o -> o.getMetadata().getName().equals("rpc-auth")).isEmpty();
  }

  @Test
  void anAutoscaledWorkloadLeavesItsReplicaCountToTheAutoscaler() {
    assertThat(find(rich, Deployment.class, "api").getSpec().getReplicas()).isNull();
    assertThat(find(rich, StatefulSet.class, "node").getSpec().getReplicas()).isEqualTo(3);
    GenericKubernetesResource vpa = generic(rich, "VerticalPodAutoscaler", "api");
    assertThat((String) vpa.get("spec", "updatePolicy", "updateMode")).isEqualTo("Recreate");
  }

  @Test
  void backupsRunAsTheirOwnServiceAccountAndKeepTheNewestSnapshots() {
    CronJob backup = find(rich, CronJob.class, "backup-nightly");
    PodSpec pod = backup.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();

    assertThat(pod.getServiceAccountName()).isEqualTo("backup-nightly");
    assertThat(pod.getContainers().get(0).getEnv()).anyMatch(e -> e.getName().equals("RETAIN") && e.getValue().equals("14"));
    assertThat(rich.objects(Tier.RBAC)).extracting(HasMetadata::getKind).containsExactly("ServiceAccount", "Role", "RoleBinding");
    assertThat((String) generic(rich, "VolumeSnapshotClass", "csi-snapshots").get("driver")).isEqualTo("ebs.csi.aws.com");
  }

  @Test
  void localDisksArePinnedToTheirNode() {
    var pv = find(rich, io.fabric8.kubernetes.api.model.PersistentVolume.class, "nvme-a");

    assertThat(pv.getSpec().getLocal().getPath()).isEqualTo("/mnt/nvme0");
    assertThat(pv.getSpec().getNodeAffinity().getRequired().getNodeSelectorTerms().get(0).getMatchExpressions().get(0).getValues())
        .containsExactly("node-a");
    assertThat(pv.getMetadata().getNamespace()).isNull();
  }

  @Test
  void aDerivedNameThatIsTooLongIsReportedWithItsPathNotShortened() {
    String longName = "a".repeat(58);
    Network network = Network.builder().name("long").addWorkload(Workload.builder().name(longName)
        .addContainer(Container.builder().name("c").image(Image.of("example/c:1"))
            .addPort(Port.builder().name("p2p").number(30303).exposure(Exposure.nodePort()).build()).build())
        .build()).build();

    assertThatThrownBy(() -> KubernetesBackend.create().render(network))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.violations()).extracting(Violation::path).containsOnly("workloads[" + longName + "]");
          assertThat(e.violations()).extracting(Violation::message).containsExactlyInAnyOrder(
              "the derived Kubernetes name '" + longName + "-nodeport' is longer than 63 characters; shorten the names it is made of",
              "the derived Kubernetes name '" + longName + "-allow-published' is longer than 63 characters; shorten the names it is made of");
        });
  }
}
