package io.chainwright.ethereum.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.NetworkPart;
import io.chainwright.api.SecretKeyRef;
import io.chainwright.api.SecretValue;
import io.chainwright.api.ValidationException;
import io.chainwright.api.Violation;
import io.chainwright.api.Workload;
import io.chainwright.api.diagram.MermaidDiagram;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.api.material.Materials;
import io.chainwright.compose.spec.ServiceSpec;
import io.chainwright.ethereum.EthereumNode;
import io.chainwright.ethereum.Nodes;
import io.chainwright.ethereum.Rendered;
import io.chainwright.ethereum.Validation;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A bridge renders as a queue, a listener and an executor wired to both chains, with secrets kept out of sight. */
class BridgeTest {
  private final Materials materials = MaterialStore.inMemory().forNetwork("bridge-net");

  static Bridge bridge() {
    return Bridge.builder()
        .source(BridgeChain.of("l1", 1, Nodes.gethLighthouse().rpcUrl()))
        .destination(BridgeChain.of("l2", 10, URI.create("http://op-geth:8545")))
        .listenerImage(Image.of("registry.example.org/bridge-listener:1.4.0"))
        .executorImage(Image.of("registry.example.org/bridge-executor:1.4.0"))
        .signerKey(SecretKeyRef.of("bridge-signer", "key"))
        .build();
  }

  private Network network(Bridge bridge) {
    return bridge.addTo(Network.builder().name("bridge-net"), materials).build();
  }

  private static Map<String, String> env(StatefulSet set) {
    return set.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
        .collect(Collectors.toMap(EnvVar::getName, e -> e.getValue() == null ? "<from secret>" : e.getValue()));
  }

  @Test
  void listenerAndExecutorGetBothChainsTheQueueAndFilesForTheirSecrets() {
    Rendered r = Rendered.both(network(bridge()));

    Map<String, String> listener = env(r.object(StatefulSet.class, "bridge-listener"));
    assertThat(listener).containsEntry("BRIDGE_SOURCE_CHAIN", "l1").containsEntry("BRIDGE_SOURCE_CHAIN_ID", "1")
        .containsEntry("BRIDGE_SOURCE_RPC_URL", "http://node-geth:8545")
        .containsEntry("BRIDGE_DESTINATION_CHAIN", "l2").containsEntry("BRIDGE_DESTINATION_CHAIN_ID", "10")
        .containsEntry("BRIDGE_DESTINATION_RPC_URL", "http://op-geth:8545")
        .containsEntry("BRIDGE_CONFIRMATIONS", "64").containsEntry("BRIDGE_REDIS_ADDRESS", "bridge-redis:6379")
        .containsEntry("BRIDGE_REDIS_PASSWORD_FILE", "/secrets/redis/password").containsEntry("BRIDGE_QUEUE", "bridge:messages")
        .doesNotContainKey("BRIDGE_SIGNER_KEY_FILE");
    Map<String, String> executor = env(r.object(StatefulSet.class, "bridge-executor"));
    assertThat(executor).containsEntry("BRIDGE_SIGNER_KEY_FILE", "/secrets/signer/key")
        .containsEntry("BRIDGE_DESTINATION_RPC_URL", "http://op-geth:8545").doesNotContainKey("BRIDGE_CONFIRMATIONS");

    ServiceSpec composeExecutor = r.compose().compose().services().get("bridge-executor");
    assertThat(composeExecutor.environment()).containsEntry("BRIDGE_REDIS_ADDRESS", "bridge-redis:6379");
    assertThat(composeExecutor.dependsOn()).containsKey("bridge-redis");
  }

  @Test
  void theExecutorIsOneReplicaThatADrainMustNotTakeAndTheListenerIsOneReplicaToo() {
    Rendered r = Rendered.both(network(bridge()));

    StatefulSet executor = r.object(StatefulSet.class, "bridge-executor");
    assertThat(executor.getSpec().getReplicas()).isEqualTo(1);
    PodDisruptionBudget budget = r.object(PodDisruptionBudget.class, "bridge-executor");
    assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
    assertThat(r.object(StatefulSet.class, "bridge-listener").getSpec().getReplicas()).isEqualTo(1);
    assertThat(r.kubernetes()).filteredOn(o -> o instanceof PodDisruptionBudget).extracting(o -> o.getMetadata().getName())
        .containsExactly("bridge-executor");
  }

  @Test
  void thePasswordIsInTheSecretOnlyAndEachClientMountsOnlyTheFilesItNeeds() {
    Bridge bridge = bridge();
    Rendered r = Rendered.both(network(bridge));
    String password = new String(bridge.redisPassword(materials).resolve(), StandardCharsets.US_ASCII);

    Secret auth = r.object(Secret.class, "bridge-redis-auth");
    assertThat(decode(auth.getData().get("password"))).isEqualTo(password).hasSize(64);
    assertThat(decode(auth.getData().get("auth.conf"))).isEqualTo("requirepass " + password + "\n");
    assertThat(r.kubernetesYaml().replace(auth.getData().get("password"), "")).as("the password outside its Secret")
        .doesNotContain(password);
    ConfigMap conf = r.kubernetes().stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
        .filter(c -> c.getData() != null && c.getData().containsKey("redis.conf")).findFirst().orElseThrow();
    assertThat(conf.getData().get("redis.conf")).contains("include /secrets/redis/auth.conf", "appendfsync always",
        "maxmemory-policy noeviction").doesNotContain("requirepass");

    Volume listenerAuth = volume(r.object(StatefulSet.class, "bridge-listener"), "queue-auth");
    assertThat(listenerAuth.getSecret().getItems()).extracting(i -> i.getKey()).containsExactly("password");
    Volume signer = volume(r.object(StatefulSet.class, "bridge-executor"), "signer");
    assertThat(signer.getSecret().getSecretName()).isEqualTo("bridge-signer");
    assertThat(signer.getSecret().getItems()).extracting(i -> i.getKey()).containsExactly("key");
    assertThat(r.object(StatefulSet.class, "bridge-listener").getSpec().getTemplate().getSpec().getVolumes())
        .extracting(Volume::getName).doesNotContain("signer");
  }

  @Test
  void theReadmeBridgeJoinsTheNodeToAnotherChain() {
    MaterialStore store = MaterialStore.inMemory();
    EthereumNode l1 = Nodes.gethLighthouse();
    // README: bridge
    Bridge bridge = Bridge.builder()
        .source(BridgeChain.of("mainnet", 1, l1.rpcUrl()))
        .destination(BridgeChain.of("op-mainnet", 10, URI.create("https://op-rpc.example.org")))
        .listenerImage(Image.of("registry.example.org/bridge-listener:1.4.0"))
        .executorImage(Image.of("registry.example.org/bridge-executor:1.4.0"))
        .signerKey(SecretKeyRef.of("l1-op-signer", "key"))   // a provided Secret; or .signerKeyValue(SecretValue.fromFile(..))
        .build();
    Network network = NetworkPart.network("bridge", store, l1, bridge);
    // README: end

    assertThat(network.workloads()).extracting(Workload::name)
        .contains("node-geth", "node-lighthouse", "bridge-redis", "bridge-listener", "bridge-executor");
    assertThat(network.secret("l1-op-signer").orElseThrow().provided()).isTrue();
  }

  @Test
  void thePictureConnectsListenerAndExecutorToTheQueueAndTheListenerToTheNode() {
    MaterialStore store = MaterialStore.inMemory();
    EthereumNode l1 = Nodes.gethLighthouse();
    Network network = NetworkPart.network("bridge", store, l1, Bridge.builder().from(bridge())
        .source(BridgeChain.of("mainnet", 1, l1.rpcUrl())).build());

    assertThat(MermaidDiagram.of(network)).contains(
        "w_bridge_listener -->|\"redis\"| w_bridge_redis", "w_bridge_executor -->|\"redis\"| w_bridge_redis",
        "w_bridge_listener -->|\"rpc\"| w_node_geth", "w_bridge_redis -.->|\"ready\"| w_bridge_executor");
  }

  @Test
  void theSignerSecretIsProvidedUnlessItsValueIsGiven() {
    assertThat(network(bridge()).secret("bridge-signer").orElseThrow().provided()).isTrue();

    SecretValue key = SecretValue.of("ab".repeat(32));
    io.chainwright.api.Secret declared = network(Bridge.builder().from(bridge()).signerKeyValue(key).build())
        .secret("bridge-signer").orElseThrow();
    assertThat(declared.provided()).isFalse();
    assertThat(declared.data()).containsExactly(Map.entry("key", key));
  }

  @Test
  void withAHealthPortBothImagesAreToldItAndProbedOnIt() {
    assertThat(bridge().listenerWorkload().containers().get(0).readiness()).as("nothing known of the images' health").isEmpty();

    Bridge checked = Bridge.builder().from(bridge()).healthPort(8081).build();
    for (Workload w : List.of(checked.listenerWorkload(), checked.executorWorkload())) {
      io.chainwright.api.Container c = w.containers().get(0);
      assertThat(c.env()).contains(io.chainwright.api.EnvVar.literal("BRIDGE_HEALTH_PORT", "8081"));
      assertThat(c.readiness()).contains(io.chainwright.api.probe.Probe.http("health", "/healthz"));
      assertThat(c.ports()).extracting(io.chainwright.api.Port::number).containsExactly(8081);
    }
  }

  @Test
  void theQueueKeepsItsPasswordAcrossRendersWithTheSameStore() {
    Bridge bridge = bridge();
    assertThat(bridge.redisPassword(materials)).isEqualTo(bridge.redisPassword(materials));
    assertThat(Rendered.both(network(bridge)).kubernetesYaml()).isEqualTo(Rendered.both(network(bridge)).kubernetesYaml());
  }

  @Test
  void aBridgeToItselfAnUnnamedImageAndABadQueueAreRefusedTogether() {
    ValidationException e = Validation.refused(() -> Bridge.builder().from(bridge())
        .destination(BridgeChain.of("again", 1, URI.create("http://other:8545")))
        .executorImage(null).queue("two words").confirmations(-1).build());

    assertThat(e.violations()).extracting(Violation::path).containsExactlyInAnyOrder(
        "bridge.destination", "bridge.executorImage", "bridge.queue", "bridge.confirmations");
  }

  @Test
  void aChainNeedsAnHttpAddressAndAnId() {
    ValidationException e = Validation.refused(() -> BridgeChain.of("l1", 0, URI.create("ws://node:8546")));

    assertThat(e.violations()).extracting(Violation::path).containsExactlyInAnyOrder("chainId", "rpcUrl");
  }

  private static Volume volume(StatefulSet set, String name) {
    return set.getSpec().getTemplate().getSpec().getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no volume " + name));
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}
