package io.chainwright.kubernetes.render;

import io.chainwright.api.Secret;
import io.chainwright.api.SecretValue;
import io.chainwright.api.policy.SecretDelivery;
import io.chainwright.api.policy.SecretSource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the network's secrets: as Secret objects holding the values, resolved now; or, with
 * External Secrets, as ExternalSecret objects that tell the operator which keys to fetch. Provided
 * secrets exist already and are never rendered. Values held in memory (literals, and everything a
 * material store gives) make this pure; a value the model points at a file or an environment
 * variable for is read here, which is the one read a Kubernetes render does.
 */
final class SecretRenderer {
  static final String EXTERNAL_SECRETS_API = "external-secrets.io/v1";

  private SecretRenderer() {}

  static void render(RenderContext ctx) {
    SecretSource source = ctx.network().secretSource();
    for (Secret secret : ctx.network().secrets()) {
      if (secret.provided()) {
        continue;
      }
      if (source.kind() == SecretDelivery.EXTERNAL_SECRETS) {
        ctx.add(Tier.CONFIG, externalSecret(ctx, secret, source));
      } else {
        ctx.add(Tier.CONFIG, secret(ctx, secret));
      }
    }
  }

  private static io.fabric8.kubernetes.api.model.Secret secret(RenderContext ctx, Secret secret) {
    Map<String, String> data = new TreeMap<>();
    for (Map.Entry<String, SecretValue> e : secret.data().entrySet()) {
      byte[] bytes = e.getValue().resolve();
      data.put(e.getKey(), Base64.getEncoder().encodeToString(bytes));
      java.util.Arrays.fill(bytes, (byte) 0);
    }
    return new SecretBuilder()
        .withMetadata(ctx.meta(secret.name()))
        .withType("Opaque")
        .withData(data)
        .build();
  }

  /** Each key is read from the store entry named after the secret, at the property named after the key. */
  private static io.fabric8.kubernetes.api.model.GenericKubernetesResource externalSecret(
      RenderContext ctx, Secret secret, SecretSource source) {
    List<Map<String, Object>> data = new ArrayList<>();
    for (String key : new TreeMap<>(secret.data()).keySet()) {
      Map<String, Object> remote = new LinkedHashMap<>();
      remote.put("key", secret.name());
      remote.put("property", key);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("secretKey", key);
      entry.put("remoteRef", remote);
      data.add(entry);
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("refreshInterval", source.refreshInterval());
    spec.put("secretStoreRef", RenderContext.fields(
        "name", source.store().orElseThrow(),
        "kind", source.clusterStore() ? "ClusterSecretStore" : "SecretStore"));
    spec.put("target", RenderContext.fields("name", secret.name(), "creationPolicy", "Owner"));
    spec.put("data", data);
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(EXTERNAL_SECRETS_API)
        .withKind("ExternalSecret")
        .withMetadata(ctx.meta(secret.name()))
        .withAdditionalProperties(RenderContext.fields("spec", spec))
        .build();
  }
}
