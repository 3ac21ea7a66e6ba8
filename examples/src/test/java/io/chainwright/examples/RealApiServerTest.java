package io.chainwright.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.chainwright.api.Container;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Workload;
import io.chainwright.api.material.MaterialKey;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.kubernetes.KubernetesBackend;
import io.chainwright.kubernetes.cluster.ApplyMode;
import io.chainwright.kubernetes.cluster.DeployReport;
import io.chainwright.kubernetes.cluster.Outcome;
import io.chainwright.kubernetes.cluster.Plan;
import io.chainwright.kubernetes.material.KubernetesMaterialStore;
import io.chainwright.kubernetes.render.RenderedObject;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Every example object, server-side applied to a real API server, is accepted, and once the server
 * has settled what it defaults, applying it all again moves no resourceVersion, as a GitOps tool
 * re-applying an unchanged render expects; and a plan then finds nothing to change. Schemas
 * cannot show either: a real server also checks fields no schema names, and defaults what it stores.
 *
 * <p>Runs only against a server named by {@code CHAINWRIGHT_TEST_KUBECONFIG}, since CI has no API
 * server. Use a throwaway one: the test writes every example into it and deletes nothing. Only the
 * API server itself is needed; with no controllers nothing is scheduled. Kinds the server does not
 * serve (a CRD not installed) are left out and printed, so a run says what it did not check.
 */
@EnabledIfEnvironmentVariable(named = "CHAINWRIGHT_TEST_KUBECONFIG", matches = ".+",
    disabledReason = "needs a throwaway API server: set CHAINWRIGHT_TEST_KUBECONFIG to its kubeconfig")
class RealApiServerTest {
  private static KubernetesClient client() throws IOException {
    Config config = Config.fromKubeconfig(Files.readString(Path.of(System.getenv("CHAINWRIGHT_TEST_KUBECONFIG"))));
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** A deployment's report is read from the server's resourceVersions, so the second deploy of the same model must say unchanged. */
  @Test
  void deployingTheSameNetworkAgainReportsEveryObjectUnchanged() throws IOException {
    Network network = Network.builder().name("reapply-" + Long.toHexString(System.nanoTime()))
        .addWorkload(Workload.builder().name("api").addContainer(Container.builder().name("api").image(Image.of("example/api:1"))
            .addPort(Port.tcp("http", 8080)).build()).build())
        .build();
    try (KubernetesClient client = client()) {
      KubernetesBackend backend = KubernetesBackend.builder().client(client).build();

      DeployReport first = backend.deploy(network).report();
      DeployReport second = backend.deploy(network).report();

      assertThat(first.with(Outcome.CREATED)).hasSameSizeAs(first.outcomes().keySet()).isNotEmpty();
      assertThat(second.with(Outcome.UNCHANGED)).containsExactlyElementsOf(first.outcomes().keySet());
    }
  }

  /** The store's optimistic writes against a real server's resourceVersion checks: writers racing on one Secret lose nothing and agree. */
  @Test
  void concurrentWritersOfTheMaterialStoreAgreeOnEveryPiece() throws Exception {
    String namespace = "materials-" + Long.toHexString(System.nanoTime());
    try (KubernetesClient client = client(); ExecutorService pool = Executors.newFixedThreadPool(8)) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
      List<Callable<String>> calls = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        int n = i;
        // Sixteen pieces of one owner, so of one Secret, each asked for by two writers, each with a client of its own.
        MaterialKey key = MaterialKey.of("trade", "peer0.org1.example.com", "piece-" + (n % 16));
        calls.add(() -> {
          try (KubernetesClient own = client()) {
            return new String(KubernetesMaterialStore.of(own, namespace).getOrCreate(key, () -> ("writer-" + n).getBytes(UTF_8)), UTF_8);
          }
        });
      }
      List<String> got = new ArrayList<>();
      for (Future<String> f : pool.invokeAll(calls)) {
        got.add(f.get());
      }

      MaterialStore reader = KubernetesMaterialStore.of(client, namespace);
      for (int i = 0; i < 16; i++) {
        assertThat(got.get(i)).as("both writers of piece-" + i).isEqualTo(got.get(i + 16));
        assertThat(reader.read(MaterialKey.of("trade", "peer0.org1.example.com", "piece-" + i)).map(b -> new String(b, UTF_8)))
            .hasValue(got.get(i));
      }
      assertThat(reader.keys("trade")).hasSize(16);
    }
  }

  @Test
  void acceptsEveryExampleObjectAndAReapplyChangesNothing() throws IOException {
    try (KubernetesClient client = client()) {
      VersionInfo version = client.getKubernetesVersion();
      assertThat(Integer.parseInt(version.getMinor().replaceAll("\\D", "")))
          .as("the examples use native sidecar containers, which need Kubernetes 1.29 or later; this server is " + version.getGitVersion())
          .isGreaterThanOrEqualTo(29);
      KubernetesBackend backend = KubernetesBackend.builder().client(client).build();
      List<Network> networks = Examples.all(MaterialStore.inMemory());
      List<RenderedObject> objects = new ArrayList<>();
      networks.forEach(n -> objects.addAll(backend.render(n).rendered()));
      Set<String> unserved = new TreeSet<>();
      List<RenderedObject> served = objects.stream().filter(o -> {
        HasMetadata object = o.object();
        boolean known = client.supports(object.getApiVersion(), object.getKind());
        if (!known) {
          unserved.add(object.getApiVersion() + " " + object.getKind());
        }
        return known;
      }).toList();

      Set<String> rejected = new LinkedHashSet<>(); // each pass refuses the same objects
      Map<String, String> created = applyAll(client, served, rejected);
      Map<String, String> settled = applyAll(client, served, rejected);
      Map<String, String> again = applyAll(client, served, rejected);
      List<String> moved = moved(settled, again);
      List<String> movedOnce = moved(created, settled).stream().filter(o -> !moved.contains(o)).toList();
      // The plan compares what the server stores, defaults and all, with the rendering: nothing is left to do.
      List<Plan.Change> planned = networks.stream().flatMap(n -> backend.plan(n).changes().stream())
          .filter(c -> again.containsKey(c.object())).toList();

      System.out.printf("Moved by the first re-apply only (defaults the server writes on an object's first update): %s%n", movedOnce);
      System.out.printf("Applied %d of %d example objects; kinds this server does not serve: %s%n", served.size(), objects.size(), unserved);
      assertSoftly(softly -> {
        softly.assertThat(rejected).as("objects the server refused").isEmpty();
        // A PersistentVolumeClaim is stored without status when created, and read back with the
        // phase defaulted to Pending; its first update writes that phase, so it moves once. A
        // controller manager writes the status anyway; only what moves on every apply is a fault.
        softly.assertThat(moved).as("objects a second apply of the same render changed").isEmpty();
        softly.assertThat(planned).as("changes a plan finds right after the apply").isEmpty();
        softly.assertThat(served).as("objects checked").isNotEmpty();
      });
    }
  }

  /** Applies each object in order; returns the resourceVersion each has afterwards, and adds each refusal to {@code rejected}. */
  private static Map<String, String> applyAll(KubernetesClient client, List<RenderedObject> objects, Set<String> rejected) {
    Map<String, String> versions = new LinkedHashMap<>();
    for (RenderedObject o : objects) {
      try {
        versions.put(o.describe(), apply(client, o.object()).getMetadata().getResourceVersion());
      } catch (KubernetesClientException e) {
        rejected.add(o.describe() + ": " + e.getStatus().getMessage());
      }
    }
    return versions;
  }

  private static List<String> moved(Map<String, String> before, Map<String, String> after) {
    return before.keySet().stream().filter(o -> after.containsKey(o) && !before.get(o).equals(after.get(o))).toList();
  }

  private static HasMetadata apply(KubernetesClient client, HasMetadata o) {
    return client.resource(o).fieldManager(ApplyMode.FIELD_MANAGER).forceConflicts().serverSideApply();
  }
}
