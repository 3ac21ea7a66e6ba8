package io.chainwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.Container;
import io.chainwright.api.Image;
import io.chainwright.api.MaterialException;
import io.chainwright.api.Network;
import io.chainwright.api.NetworkPart;
import io.chainwright.api.PlatformException;
import io.chainwright.api.Secret;
import io.chainwright.api.Workload;
import io.chainwright.api.material.MaterialKey;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.kubernetes.cluster.ApplyMode;
import io.chainwright.kubernetes.material.KubernetesMaterialStore;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The material store in Secrets, against fabric8's mock server in CRUD mode. */
class KubernetesMaterialStoreTest {
  private static final String NAMESPACE = "materials";
  private static final MaterialKey JWT = MaterialKey.of("staking", "beacon-a-jwt", "jwt.hex");
  private final MockCluster cluster = MockCluster.crud();
  private final MaterialStore store = KubernetesMaterialStore.of(cluster.client, NAMESPACE);

  @AfterEach
  void stop() {
    cluster.close();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private io.fabric8.kubernetes.api.model.Secret live(MaterialKey key) {
    return cluster.client.secrets().inNamespace(NAMESPACE).withName(KubernetesMaterialStore.secretName(key)).get();
  }

  @Test
  void aPieceIsMadeOnceAndEveryOtherClientReadsItBack() {
    byte[] made = store.getOrCreate(JWT, () -> bytes("first"));

    try (KubernetesClient other = cluster.server.createClient()) {
      byte[] read = KubernetesMaterialStore.of(other, NAMESPACE).getOrCreate(JWT, () -> {
        throw new AssertionError("a stored piece is never made again");
      });
      assertThat(read).isEqualTo(made).isEqualTo(bytes("first"));
    }
    assertThat(live(JWT).getMetadata().getLabels())
        .containsEntry(KubernetesMaterialStore.NETWORK_LABEL, "staking").doesNotContainKey("chainwright.io/network");
    assertThat(live(JWT).getMetadata().getAnnotations()).containsEntry(KubernetesMaterialStore.OWNER_ANNOTATION, "beacon-a-jwt");
  }

  @Test
  void anOwnersPiecesShareOneSecretAndAreListedWithNamesAsGiven() {
    MaterialKey signing = MaterialKey.of("trade", "Admin@org1.example.com", "signing.pem");
    MaterialKey odd = MaterialKey.of("trade", "Admin@org1.example.com", "a_b@c");
    MaterialKey ca = MaterialKey.of("trade", "org1.example.com", "ca.pem");
    for (MaterialKey key : List.of(signing, odd, ca)) {
      store.getOrCreate(key, () -> bytes(key.path()));
    }

    assertThat(KubernetesMaterialStore.secretName(odd)).isEqualTo(KubernetesMaterialStore.secretName(signing));
    assertThat(live(signing).getData()).hasSize(2);
    assertThat(store.keys("trade")).containsExactly(odd, signing, ca);
    assertThat(store.read(odd)).hasValue(bytes(odd.path()));
    assertThat(store.keys("other")).isEmpty();
  }

  @Test
  void rotationKeepsTheOldBytesInARetiredSecretAndTheNextCallMakesNewOnes() {
    store.getOrCreate(JWT, () -> bytes("old"));

    assertThat(store.rotate(JWT)).isTrue();

    assertThat(store.read(JWT)).isEmpty();
    assertThat(store.keys("staking")).isEmpty();
    assertThat(cluster.client.secrets().inNamespace(NAMESPACE).withLabel(KubernetesMaterialStore.RETIRED_LABEL, "true").list().getItems())
        .singleElement().satisfies(s -> assertThat(s.getData()).containsValue("b2xk"));
    assertThat(store.getOrCreate(JWT, () -> bytes("new"))).isEqualTo(bytes("new"));
    assertThat(store.rotate(MaterialKey.of("staking", "nobody", "x"))).isFalse();
  }

  @Test
  void concurrentWritersOfOneOwnerLoseNoPieceAndAgreeOnEach() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<byte[]>> calls = new java.util.ArrayList<>();
      for (int i = 0; i < 16; i++) {
        int n = i;
        // Eight keys of one owner (one Secret), each asked for by two writers at once.
        MaterialKey key = MaterialKey.of("trade", "peer0.org1.example.com", "piece-" + (n % 8));
        calls.add(() -> store.getOrCreate(key, () -> bytes("writer-" + n)));
      }
      List<Future<byte[]>> results = pool.invokeAll(calls);
      Set<String> distinct = new HashSet<>();
      for (int i = 0; i < 16; i++) {
        byte[] got = results.get(i).get();
        byte[] twin = results.get((i + 8) % 16).get();
        assertThat(got).as("both writers of piece-" + (i % 8)).isEqualTo(twin);
        distinct.add(new String(got, StandardCharsets.UTF_8));
      }
      assertThat(distinct).hasSize(8);
      assertThat(store.keys("trade")).hasSize(8);
      for (int i = 0; i < 8; i++) {
        assertThat(store.read(MaterialKey.of("trade", "peer0.org1.example.com", "piece-" + i)).map(String::new))
            .hasValueSatisfying(v -> assertThat(distinct).contains(v));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aNetworkBuiltOnTheStoreIsTheSameEachTimeAndItsMaterialOutlivesItsTeardown() {
    NetworkPart node = (network, materials) -> network
        .addWorkload(Workload.builder().name("node").addContainer(Container.builder().name("node").image(Image.of("example/node:1")).build()).build())
        .addSecret(Secret.builder().name("token").putData("token", materials.randomHex("node", "token", 32)).build());
    Network first = NetworkPart.network("flow", store, node);

    cluster.backend(ApplyMode.CREATE_OR_UPDATE).build().deploy(first).destroy(io.chainwright.api.backend.Teardown.DELETE_ALL_VOLUMES);

    assertThat(NetworkPart.network("flow", store, node)).isEqualTo(first);
    assertThat(store.keys("flow")).extracting(MaterialKey::path).containsExactly("flow/node/token");
  }

  @Test
  void aValueThatIsNotBase64IsAnErrorNamingTheSecretAndIsNeverReplaced() {
    cluster.client.secrets().inNamespace(NAMESPACE).resource(new SecretBuilder().withNewMetadata()
        .withName(KubernetesMaterialStore.secretName(JWT)).withNamespace(NAMESPACE).endMetadata()
        .addToData("jwt.hex", "not base64!").build()).create();

    assertThatThrownBy(() -> store.getOrCreate(JWT, () -> bytes("new")))
        .isInstanceOf(MaterialException.class).hasMessageContaining(KubernetesMaterialStore.secretName(JWT)).hasMessageContaining("rotate");
    assertThat(live(JWT).getData()).containsEntry("jwt.hex", "not base64!");
  }

  @Test
  void aRefusedCallNamesTheVerbAndTheSecret() {
    try (MockCluster strict = MockCluster.expectations()) {
      String name = KubernetesMaterialStore.secretName(JWT);
      strict.server.expect().get().withPath("/api/v1/namespaces/" + NAMESPACE + "/secrets/" + name).andReturn(403, "{}").always();

      assertThatThrownBy(() -> KubernetesMaterialStore.of(strict.client, NAMESPACE).read(JWT))
          .isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.verb()).isEqualTo("get");
            assertThat(e.object()).isEqualTo("Secret " + NAMESPACE + "/" + name);
          });
    }
  }

  @Test
  void theStoreNeverShowsAValue() {
    store.getOrCreate(JWT, () -> bytes("s3cr3t"));

    assertThat(store.toString()).doesNotContain("s3cr3t").contains(NAMESPACE);
  }
}
