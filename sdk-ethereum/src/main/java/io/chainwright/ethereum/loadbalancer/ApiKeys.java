package io.chainwright.ethereum.loadbalancer;

import io.chainwright.api.Secret;
import io.chainwright.api.SecretValue;
import io.chainwright.api.UsageException;
import io.chainwright.api.material.MaterialKey;
import io.chainwright.api.material.Materials;
import java.nio.charset.StandardCharsets;

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

  private ApiKeys() {}

  static SecretValue key(RpcLoadBalancer lb, String consumer, Materials materials) {
    return materials.randomHex(lb.name(), name(lb, consumer), BYTES);
  }

  static MaterialKey material(RpcLoadBalancer lb, String consumer, Materials materials) {
    return materials.key(lb.name(), name(lb, consumer));
  }

  private static String name(RpcLoadBalancer lb, String consumer) {
    if (lb.consumers().stream().noneMatch(c -> c.name().equals(consumer))) {
      throw new UsageException("'" + consumer + "' is not a consumer of load balancer " + lb.name() + " (consumers: "
          + lb.consumers().stream().map(ApiConsumer::name).toList() + ")");
    }
    return "api-key-" + consumer;
  }

  static Secret secret(RpcLoadBalancer lb, Materials materials) {
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
