package io.chainwright.ethereum.bridge;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.NetworkPart;
import io.chainwright.api.Secret;
import io.chainwright.api.SecretKeyRef;
import io.chainwright.api.SecretValue;
import io.chainwright.api.Violations;
import io.chainwright.api.Workload;
import io.chainwright.api.material.Materials;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A bridge between two EVM chains: a listener watches the source chain and pushes each message,
 * once it has enough confirmations, onto a Redis list; an executor takes messages off the list
 * and submits them on the destination chain with its signing key. Listener and executor are the
 * platform's own images and read their settings from the environment {@link BridgeEnv} describes.
 *
 * <p>Each runs as a single replica that is never doubled during an update; the executor also has
 * a disruption budget, so a node drain waits for someone to move it on purpose rather than stop
 * it in the middle of a submission. The queue is a Redis with a password from the material store,
 * every write on disk before it is answered, and no eviction.
 *
 * <pre>{@code
 * Bridge bridge = Bridge.builder()
 *     .source(BridgeChain.of("l1", 1, l1.rpcUrl()))
 *     .destination(BridgeChain.of("l2", 10, l2RpcUrl))
 *     .listenerImage(Image.of("registry.example.org/bridge-listener:1.4.0"))
 *     .executorImage(Image.of("registry.example.org/bridge-executor:1.4.0"))
 *     .signerKey(SecretKeyRef.of("bridge-signer", "key"))
 *     .build();
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = Bridge.class)
@JsonDeserialize(as = Bridge.class)
abstract class AbstractBridge implements NetworkPart {
  private static final int PASSWORD_BYTES = 32;

  @Value.Default
  public String name() {
    return "bridge";
  }

  public abstract BridgeChain source();

  public abstract BridgeChain destination();

  public abstract Image listenerImage();

  public abstract Image executorImage();

  /**
   * The executor's key: a hex private key in one key of a Secret. The platform provides that Secret
   * (by hand, Vault or External Secrets) unless {@link #signerKeyValue()} is given.
   */
  public abstract SecretKeyRef signerKey();

  /**
   * The key's value, for a bridge whose Secret Chainwright declares, e.g. {@code SecretValue.fromFile(..)}
   * on a devnet or the host runtime; absent, the Secret is provided.
   */
  public abstract Optional<SecretValue> signerKeyValue();

  /** Source-chain blocks to wait before a message is queued; 64 is two Ethereum epochs, when blocks are final. */
  @Value.Default
  public int confirmations() {
    return 64;
  }

  /** The Redis list that carries messages. */
  @Value.Default
  public String queue() {
    return name() + ":messages";
  }

  /**
   * The port on which the listener and executor images answer {@link #healthPath()} with 200 once they
   * can do their work ({@code BRIDGE_HEALTH_PORT} tells them); their readiness. Without it they get
   * no probe, since nothing is known of the images' own health.
   */
  public abstract Optional<Integer> healthPort();

  @Value.Default
  public String healthPath() {
    return "/healthz";
  }

  @Value.Default
  public Image redisImage() {
    return Image.of("redis:7.0.15-alpine");
  }

  /** The size of the queue's volume. */
  @Value.Default
  public String redisStorage() {
    return "1Gi";
  }

  /** The storage class of the queue's volume; the platform default when absent. */
  public abstract Optional<String> storageClass();

  public String redisWorkloadName() {
    return name() + "-redis";
  }

  public String listenerWorkloadName() {
    return name() + "-listener";
  }

  public String executorWorkloadName() {
    return name() + "-executor";
  }

  /** The Secret holding the queue's password ({@code password}) and the Redis line that sets it. */
  public String authSecretName() {
    return name() + "-redis-auth";
  }

  /** The generated {@code redis.conf}; it holds no secret. */
  public String redisConf() {
    return RedisConf.render((Bridge) this);
  }

  /** The queue's password, made once in {@code materials} and read back after. */
  public SecretValue redisPassword(Materials materials) {
    return materials.randomHex(name(), "redis-password", PASSWORD_BYTES);
  }

  /** The queue's workload: one Redis replica with its data volume. */
  public Workload redisWorkload() {
    return BridgeCompiler.redis((Bridge) this);
  }

  public Workload listenerWorkload() {
    return BridgeCompiler.listener((Bridge) this);
  }

  public Workload executorWorkload() {
    return BridgeCompiler.executor((Bridge) this);
  }

  /** The queue's auth Secret: the password for clients and {@code requirepass} for Redis. */
  public Secret authSecret(Materials materials) {
    SecretValue password = redisPassword(materials);
    String requirepass = "requirepass " + new String(password.resolve(), StandardCharsets.US_ASCII) + "\n";
    return Secret.builder().name(authSecretName())
        .putData(RedisConf.PASSWORD, password)
        .putData(RedisConf.AUTH_CONF, SecretValue.of(requirepass))
        .build();
  }

  @Override
  public Network.Builder addTo(Network.Builder network, Materials materials) {
    return network.addWorkload(redisWorkload()).addWorkload(listenerWorkload()).addWorkload(executorWorkload())
        .addSecret(authSecret(materials))
        .addSecret(signerKeyValue().map(value -> Secret.builder().name(signerKey().secret()).putData(signerKey().key(), value).build())
            .orElseGet(() -> Secret.provided(signerKey().secret())));
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("bridge");
    v.label("name", name());
    boolean both = v.require("source", source()) & v.require("destination", destination());
    if (both && source().chainId() == destination().chainId()) {
      v.add("destination", "chain " + destination().chainId() + " is the source chain too; a bridge joins two chains");
    }
    v.require("listenerImage", listenerImage());
    v.require("executorImage", executorImage());
    v.require("signerKey", signerKey());
    v.range("confirmations", confirmations(), 0, 10_000, "a block count");
    if (queue() == null || !queue().matches("[A-Za-z0-9:_.-]{1,128}")) {
      v.add("queue", "use 1 to 128 letters, digits and ':_.-', not '" + queue() + "'");
    }
    healthPort().ifPresent(p -> v.range("healthPort", p, 1, 65535, "a port"));
    v.httpPath("healthPath", healthPath());
    v.require("redisImage", redisImage());
    storageClass().ifPresent(c -> v.subdomain("storageClass", c));
    v.throwIfAny();
  }
}
