package io.chainwright.ethereum.loadbalancer;

import io.chainwright.api.Secret;
import io.chainwright.api.SecretValue;
import io.chainwright.api.UsageException;
import io.chainwright.api.material.MaterialKey;
import io.chainwright.api.material.Materials;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumers' API keys of an {@link RpcLoadBalancer}: 32 random bytes each, hex, made once in the
 * material store; and the table nginx looks keys up in, {@code "<key>" <consumer>;} a line, kept in
 * the same Secret so that no key is ever in the configuration.
 */
final class ApiKeys {
  /** The table's file name in the Secret, included by the nginx map that names a request's consumer. */
  static final String TABLE = "keys.map";
  static final String FOLDER = "/etc/chainwright-nginx-keys";
  private static final int BYTES = 32;
  private static final String PREFIX = "api-key-";
  private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);

  private ApiKeys() {}

  static SecretValue key(RpcLoadBalancer lb, String consumer, Materials materials) {
    return materials.randomHex(lb.name(), name(lb, consumer), BYTES);
  }

  static MaterialKey material(RpcLoadBalancer lb, String consumer, Materials materials) {
    return materials.key(lb.name(), name(lb, consumer));
  }

  /**
   * Retires the stored key of {@code consumer}, who must no longer be a consumer: without this, a
   * consumer of that name added later would get the revoked key back from the store.
   */
  static boolean revoke(RpcLoadBalancer lb, String consumer, Materials materials) {
    if (isConsumer(lb, consumer)) {
      throw new UsageException("'" + consumer + "' is still a consumer of load balancer " + lb.name()
          + ": remove it from the consumers first (to give it a new key instead, rotate apiKeyMaterial(\"" + consumer + "\", ..))");
    }
    return materials.store().rotate(materials.key(lb.name(), PREFIX + consumer));
  }

  private static String name(RpcLoadBalancer lb, String consumer) {
    if (!isConsumer(lb, consumer)) {
      throw new UsageException("'" + consumer + "' is not a consumer of load balancer " + lb.name() + " (consumers: "
          + lb.consumers().stream().map(ApiConsumer::name).toList() + ")");
    }
    return PREFIX + consumer;
  }

  private static boolean isConsumer(RpcLoadBalancer lb, String consumer) {
    return lb.consumers().stream().anyMatch(c -> c.name().equals(consumer));
  }

  /** Keys still stored for consumers the balancer no longer has: locked out now, but back if the name is added again. */
  private static void warnOfUnrevokedKeys(RpcLoadBalancer lb, Materials materials) {
    for (MaterialKey key : materials.store().keys(materials.network())) {
      if (key.owner().equals(lb.name()) && key.name().startsWith(PREFIX) && !isConsumer(lb, key.name().substring(PREFIX.length()))) {
        String consumer = key.name().substring(PREFIX.length());
        LOG.warn("Load balancer {} still stores the API key of '{}', no longer a consumer: it is refused now, but a consumer of that"
            + " name added later would get it back; retire it with revoke(\"{}\", materials)", lb.name(), consumer, consumer);
      }
    }
  }

  static Secret secret(RpcLoadBalancer lb, Materials materials) {
    warnOfUnrevokedKeys(lb, materials);
    Secret.Builder secret = Secret.builder().name(lb.apiKeysSecretName());
    StringBuilder table = new StringBuilder();
    for (ApiConsumer c : lb.consumers()) {
      SecretValue key = key(lb, c.name(), materials);
      secret.putData(c.name() + ".key", key);
      table.append('"').append(new String(key.resolve(), StandardCharsets.US_ASCII)).append("\" ").append(c.name()).append(";\n");
    }
    return secret.putData(TABLE, SecretValue.of(table.toString())).build();
  }
}
