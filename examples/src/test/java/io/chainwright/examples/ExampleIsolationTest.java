package io.chainwright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Network;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.examples.PolicyVerdicts.Pod;
import io.chainwright.kubernetes.KubernetesBackend;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Over every example as the Kubernetes backend renders it: each namespace denies all traffic unless
 * opened by name, and still every connection the rendered pods are configured to open (an address
 * in their arguments, environment or mounted config files), every Prometheus scrape and every DNS
 * lookup gets through, judged by the rendered NetworkPolicies alone.
 */
class ExampleIsolationTest {
  /**
   * Where config names a host and a port: {@code host:port} (alone or in a URL), a TOML section's
   * {@code Host = "db"} with {@code Port = "5432"} on the next line, or JSON's
   * {@code "fooHost": "db", "fooPort": 5432}.
   */
  private static final List<Pattern> ADDRESSES = List.of(
      Pattern.compile("(?<![\\w.-])(?<host>[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*):(?<port>\\d{1,5})(?!\\d)"),
      Pattern.compile("Host\\s*=\\s*\"(?<host>[a-z0-9.-]+)\"\\s*\\n\\s*Port\\s*=\\s*\"?(?<port>\\d{1,5})"),
      Pattern.compile("\"(\\w*)Host\"\\s*:\\s*\"(?<host>[a-z0-9.-]+)\",\\s*\"\\1Port\"\\s*:\\s*(?<port>\\d{1,5})"));
  private static final Map<String, String> MONITORING_NAMESPACE = Map.of("kubernetes.io/metadata.name", "monitoring",
      "chainwright.io/monitoring", "true");
  private static final Map<String, String> KUBE_SYSTEM = Map.of("kubernetes.io/metadata.name", "kube-system");

  private static List<Network> networks;
  private static List<HasMetadata> objects;
  private static PolicyVerdicts verdicts;

  /** A pod template with the name of what owns it. */
  private record Owned(String owner, Pod pod) {}

  @BeforeAll
  static void render() {
    KubernetesBackend backend = KubernetesBackend.create();
    networks = Examples.all(MaterialStore.inMemory());
    objects = networks.stream().flatMap(n -> backend.render(n).objects().stream()).toList();
    Map<String, Map<String, String>> namespaceLabels = new HashMap<>();
    of(Namespace.class).forEach(ns -> {
      Map<String, String> labels = new HashMap<>(Objects.requireNonNullElse(ns.getMetadata().getLabels(), Map.of()));
      labels.put("kubernetes.io/metadata.name", ns.getMetadata().getName()); // the API server sets it on every namespace
      namespaceLabels.put(ns.getMetadata().getName(), labels);
    });
    namespaceLabels.put("monitoring", MONITORING_NAMESPACE);
    namespaceLabels.put("kube-system", KUBE_SYSTEM);
    verdicts = new PolicyVerdicts(of(NetworkPolicy.class).toList(),
        of(GenericKubernetesResource.class).filter(o -> o.getKind().equals("CiliumNetworkPolicy")).toList(), namespaceLabels);
  }

  private static <T> Stream<T> of(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast);
  }

  @Test
  void everyNamespaceDeniesAllTrafficUnlessOpenedByName() {
    Set<String> namespaces = objects.stream().map(o -> o instanceof Namespace ? o.getMetadata().getName() : o.getMetadata().getNamespace())
        .filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
    Set<String> denying = of(NetworkPolicy.class).filter(ExampleIsolationTest::deniesEverything)
        .map(p -> p.getMetadata().getNamespace()).collect(Collectors.toSet());
    Set<String> opened = networks.stream().flatMap(n -> n.isolation().openNamespaces().stream()).collect(Collectors.toSet());

    assertThat(namespaces).hasSizeGreaterThan(15);
    assertThat(namespaces).allSatisfy(ns -> assertThat(denying.contains(ns) || opened.contains(ns))
        .as(ns + " denies by default or is opened by name").isTrue());
    assertThat(opened).as("the one namespace left open, by name: the GPU Operator's").containsExactly("gpu-operator");
    assertThat(denying).doesNotContain("gpu-operator");
  }

  private static boolean deniesEverything(NetworkPolicy p) {
    var spec = p.getSpec();
    var selector = spec.getPodSelector();
    boolean everyPod = selector == null || (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
        && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
    return everyPod && spec.getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
        && (spec.getIngress() == null || spec.getIngress().isEmpty()) && (spec.getEgress() == null || spec.getEgress().isEmpty());
  }

  @Test
  void everyAddressAPodIsConfiguredWithIsReachable() {
    List<String> refused = new ArrayList<>();
    int checked = 0;
    for (Owned source : pods()) {
      for (Address address : texts(source.pod()).stream().flatMap(ExampleIsolationTest::addresses).distinct().toList()) {
        Optional<Service> service = service(address.host(), source.pod().namespace());
        Optional<ServicePort> port = service.flatMap(s -> s.getSpec().getPorts().stream().filter(p -> p.getPort() == address.port()).findFirst());
        if (port.isEmpty()) {
          continue;
        }
        for (Owned target : targets(service.get())) {
          int targetPort = targetPort(port.get(), target.pod());
          checked++;
          if (!verdicts.allows(source.pod(), target.pod(), targetPort, port.get().getProtocol())) {
            refused.add(source.owner() + " -> " + target.owner() + ":" + targetPort + " (" + address + ")");
          }
        }
      }
    }

    assertThat(checked).as("connections found in the examples' configuration").isGreaterThan(80);
    assertThat(refused).as("connections a pod is configured to open that its namespace's policies refuse").isEmpty();
  }

  /** A documentation address (RFC 5737) standing for any host outside the cluster. */
  private static final String SOME_OUTSIDE_ADDRESS = "203.0.113.7";
  private static final Pattern OUTSIDE_URL = Pattern.compile("(?<scheme>https?|wss?)://(?<host>[a-z0-9.-]+\\.[a-z]{2,})(?::(?<port>\\d{1,5}))?");

  @Test
  void everyOutsideAddressAPodIsConfiguredWithIsReachable() {
    List<String> refused = new ArrayList<>();
    int checked = 0;
    for (Owned source : pods()) {
      for (MatchResult url : texts(source.pod()).stream().flatMap(t -> OUTSIDE_URL.matcher(t).results()).toList()) {
        String host = url.group("host");
        if (service(host, source.pod().namespace()).isPresent() || host.endsWith(".local") || host.contains(".svc")) {
          continue;
        }
        int port = url.group("port") != null ? Integer.parseInt(url.group("port")) : url.group("scheme").matches("https|wss") ? 443 : 80;
        checked++;
        if (!verdicts.allowsOut(source.pod(), host, SOME_OUTSIDE_ADDRESS, port, "TCP")) {
          refused.add(source.owner() + " -> " + url.group());
        }
      }
    }

    assertThat(checked).as("outside addresses in the examples' configuration").isGreaterThan(10);
    assertThat(refused).as("outside addresses a pod is configured to reach that its policies refuse").isEmpty();
  }

  @Test
  void underCiliumAnOutsideHostIsLetOutByItsNameAlone() {
    Owned listener = pods().stream().filter(p -> p.owner().equals("StatefulSet bridge/l1-op-listener")).findFirst().orElseThrow();

    assertThat(verdicts.allowsOut(listener.pod(), "op-rpc.example.org", SOME_OUTSIDE_ADDRESS, 443, "TCP")).isTrue();
    assertThat(verdicts.allowsOut(listener.pod(), "elsewhere.example.net", SOME_OUTSIDE_ADDRESS, 443, "TCP")).isFalse();
    // The CDK's L1 URL is secret, but its host is named: any port of it, and nothing else outside.
    Owned sequencer = pods().stream().filter(p -> p.owner().equals("Deployment polygon-cdk/cdk-sequencer")).findFirst().orElseThrow();
    assertThat(verdicts.allowsOut(sequencer.pod(), "sepolia-rpc.example.org", SOME_OUTSIDE_ADDRESS, 8545, "TCP")).isTrue();
    assertThat(verdicts.allowsOut(sequencer.pod(), "elsewhere.example.net", SOME_OUTSIDE_ADDRESS, 443, "TCP")).isFalse();
  }

  private record Address(String host, int port) {}

  private static Stream<Address> addresses(String text) {
    return ADDRESSES.stream().flatMap(pattern -> pattern.matcher(text).results()
        .map(m -> new Address(m.group("host"), Integer.parseInt(m.group("port")))));
  }

  @Test
  void prometheusScrapesEveryMonitoredPort() {
    Pod prometheus = new Pod("monitoring", Map.of("app.kubernetes.io/name", "prometheus"), null);
    List<String> refused = new ArrayList<>();
    int checked = 0;
    for (ServiceMonitor monitor : of(ServiceMonitor.class).toList()) {
      String namespace = monitor.getMetadata().getNamespace();
      for (Service service : of(Service.class).filter(s -> namespace.equals(s.getMetadata().getNamespace())
          && PolicyVerdicts.matches(monitor.getSpec().getSelector(), labels(s))).toList()) {
        for (var endpoint : monitor.getSpec().getEndpoints()) {
          Optional<ServicePort> port = service.getSpec().getPorts().stream().filter(p -> endpoint.getPort().equals(p.getName())).findFirst();
          for (Owned target : port.isPresent() ? targets(service) : List.<Owned>of()) {
            checked++;
            int number = targetPort(port.get(), target.pod());
            if (!verdicts.ingressAllows(prometheus, target.pod(), number, "TCP")) {
              refused.add(target.owner() + ":" + number);
            }
          }
        }
      }
    }

    assertThat(checked).isGreaterThan(15);
    assertThat(refused).as("scrapes refused").isEmpty();
  }

  @Test
  void everyPodResolvesNames() {
    Pod dns = new Pod("kube-system", Map.of("k8s-app", "kube-dns"), null);
    List<String> refused = pods().stream().filter(p -> !verdicts.allows(p.pod(), dns, 53, "UDP")).map(Owned::owner).toList();

    assertThat(refused).as("pods that cannot ask the cluster DNS").isEmpty();
  }

  private static List<Owned> pods() {
    return objects.stream().map(o -> switch (o) {
      case Deployment d -> owned(o, d.getSpec().getTemplate());
      case StatefulSet s -> owned(o, s.getSpec().getTemplate());
      case DaemonSet d -> owned(o, d.getSpec().getTemplate());
      case Job j -> owned(o, j.getSpec().getTemplate());
      case CronJob c -> owned(o, c.getSpec().getJobTemplate().getSpec().getTemplate());
      default -> null;
    }).filter(Objects::nonNull).toList();
  }

  private static Owned owned(HasMetadata owner, PodTemplateSpec template) {
    return new Owned(owner.getKind() + " " + owner.getMetadata().getNamespace() + "/" + owner.getMetadata().getName(),
        new Pod(owner.getMetadata().getNamespace(), Objects.requireNonNullElse(template.getMetadata().getLabels(), Map.of()),
            template.getSpec()));
  }

  /** Arguments, commands, literal environment and the files mounted from ConfigMaps and Secrets. */
  private static List<String> texts(Pod pod) {
    List<String> texts = new ArrayList<>();
    Stream.concat(pod.spec().getContainers().stream(), Stream.ofNullable(pod.spec().getInitContainers()).flatMap(List::stream)).forEach(c -> {
      texts.addAll(Objects.requireNonNullElse(c.getCommand(), List.of()));
      texts.addAll(Objects.requireNonNullElse(c.getArgs(), List.of()));
      Stream.ofNullable(c.getEnv()).flatMap(List::stream).map(EnvVar::getValue).filter(Objects::nonNull).forEach(texts::add);
      Stream.ofNullable(c.getEnv()).flatMap(List::stream).filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
          .map(e -> e.getValueFrom().getSecretKeyRef())
          .forEach(ref -> secretTexts(pod.namespace(), ref.getName(), Optional.of(ref.getKey())).forEach(texts::add));
    });
    Set<String> mounted = Stream.ofNullable(pod.spec().getVolumes()).flatMap(List::stream).map(Volume::getConfigMap)
        .filter(Objects::nonNull).map(c -> c.getName()).collect(Collectors.toSet());
    of(ConfigMap.class).filter(c -> pod.namespace().equals(c.getMetadata().getNamespace()) && mounted.contains(c.getMetadata().getName()))
        .forEach(c -> texts.addAll(Objects.requireNonNullElse(c.getData(), Map.<String, String>of()).values()));
    Stream.ofNullable(pod.spec().getVolumes()).flatMap(List::stream).map(Volume::getSecret).filter(Objects::nonNull)
        .forEach(volume -> secretTexts(pod.namespace(), volume.getSecretName(), Optional.empty()).forEach(texts::add));
    return texts;
  }

  /** The values of a rendered Secret, or of one of its keys; none for a secret the platform provides. */
  private static Stream<String> secretTexts(String namespace, String name, Optional<String> key) {
    return of(Secret.class).filter(s -> namespace.equals(s.getMetadata().getNamespace()) && name.equals(s.getMetadata().getName()))
        .flatMap(s -> Stream.concat(
            Objects.requireNonNullElse(s.getStringData(), Map.<String, String>of()).entrySet().stream(),
            Objects.requireNonNullElse(s.getData(), Map.<String, String>of()).entrySet().stream()
                .map(e -> Map.entry(e.getKey(), new String(Base64.getDecoder().decode(e.getValue()), StandardCharsets.UTF_8)))))
        .filter(e -> key.map(e.getKey()::equals).orElse(true))
        .map(Map.Entry::getValue);
  }

  /** The Service a host name means: {@code service} or {@code pod.service}, either followed by {@code .namespace[.svc...]}. */
  private static Optional<Service> service(String host, String namespace) {
    List<String> labels = List.of(host.split("\\."));
    for (int i = 0; i < Math.min(2, labels.size()); i++) {
      String name = labels.get(i);
      String ns = labels.size() > i + 1 ? labels.get(i + 1) : namespace;
      Optional<Service> found = of(Service.class)
          .filter(s -> s.getMetadata().getName().equals(name) && s.getMetadata().getNamespace().equals(ns)).findFirst();
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static List<Owned> targets(Service service) {
    Map<String, String> selector = service.getSpec().getSelector();
    if (selector == null || selector.isEmpty()) {
      return List.of();
    }
    return pods().stream().filter(p -> p.pod().namespace().equals(service.getMetadata().getNamespace())
        && p.pod().labels().entrySet().containsAll(selector.entrySet())).toList();
  }

  private static int targetPort(ServicePort port, Pod target) {
    if (port.getTargetPort() == null) {
      return port.getPort();
    }
    return port.getTargetPort().getIntVal() != null ? port.getTargetPort().getIntVal() : target.port(port.getTargetPort().getStrVal());
  }

  private static Map<String, String> labels(HasMetadata o) {
    return Objects.requireNonNullElse(o.getMetadata().getLabels(), Map.of());
  }
}
