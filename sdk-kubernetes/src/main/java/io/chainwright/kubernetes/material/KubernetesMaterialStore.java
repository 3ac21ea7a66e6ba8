package io.chainwright.kubernetes.material;

import io.chainwright.api.Digests;
import io.chainwright.api.MaterialException;
import io.chainwright.api.PlatformException;
import io.chainwright.api.material.MaterialKey;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.kubernetes.render.Labels;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A material store in a cluster's Secrets: every piece an owner has (e.g. all of one node's
 * identities) is one key of one Secret in the namespace the caller
 * names. Renders and deploys on any machine then read the network's existing material from the
 * cluster and make only what is missing; nothing is replaced, so a re-apply leaves every rendered
 * Secret's data as it was.
 *
 * <p>Each write names the version it read, so concurrent writers (threads or machines) never lose
 * each other's pieces: a writer that loses the race reads the winner's bytes and returns those.
 * The Secrets carry their own labels, not a network's, so no network's prune or teardown deletes
 * them. Rotation copies the old bytes to a Secret of their own, labelled retired. Give the store a
 * namespace of its own, readable only by those who deploy: a teardown that deletes every volume
 * deletes the network's namespace, and with it whatever else it holds.
 *
 * <pre>{@code
 * MaterialStore store = KubernetesMaterialStore.of(client, "chainwright-materials");
 * Network network = NetworkPart.network("staking", store, node, validators);
 * }</pre>
 */
public final class KubernetesMaterialStore implements MaterialStore {
  /** The network the Secret's pieces belong to. */
  public static final String NETWORK_LABEL = "chainwright.io/material-network";
  /** Marks a Secret that holds a rotated piece, kept for reference. */
  public static final String RETIRED_LABEL = "chainwright.io/material-retired";
  /** The owner the Secret's pieces belong to, as the material key names it. */
  public static final String OWNER_ANNOTATION = "chainwright.io/material-owner";
  private static final int ATTEMPTS = 10;

  private final KubernetesClient client;
  private final String namespace;

  private KubernetesMaterialStore(KubernetesClient client, String namespace) {
    this.client = Objects.requireNonNull(client, "client");
    this.namespace = Objects.requireNonNull(namespace, "namespace");
  }

  /** A store in the Secrets of {@code namespace}, which must exist, reached through {@code client}. */
  public static KubernetesMaterialStore of(KubernetesClient client, String namespace) {
    return new KubernetesMaterialStore(client, namespace);
  }

  @Override
  public byte[] getOrCreate(MaterialKey key, Supplier<byte[]> generator) {
    String name = secretName(key);
    byte[] made = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Secret secret = get(name);
      Optional<byte[]> stored = value(secret, key);
      if (stored.isPresent()) {
        return stored.get();
      }
      if (made == null) {
        made = Objects.requireNonNull(generator.get(), "generator returned null for " + key);
      }
      try {
        if (secret == null) {
          client.secrets().inNamespace(namespace).resource(newSecret(name, key, made)).create();
        } else {
          // Replacing with the version read: if another writer changed the Secret since, the server refuses (409) and we read again.
          Secret updated = new SecretBuilder(secret).addToData(dataKey(key.name()), encode(made)).build();
          client.secrets().inNamespace(namespace).resource(updated).update();
        }
        return made;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw failure(secret == null ? "create" : "update", name, e);
        }
      }
    }
    throw new MaterialException("Could not store " + key + " in Secret " + namespace + "/" + name + ": " + ATTEMPTS
        + " attempts met concurrent changes");
  }

  @Override
  public Optional<byte[]> read(MaterialKey key) {
    return value(get(secretName(key)), key);
  }

  @Override
  public boolean rotate(MaterialKey key) {
    String name = secretName(key);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Secret secret = get(name);
      Optional<byte[]> stored = value(secret, key);
      if (stored.isEmpty()) {
        return false;
      }
      String retired = name + "-retired-" + System.currentTimeMillis();
      try {
        Secret copy = newSecret(retired, key, stored.get());
        copy.getMetadata().getLabels().put(RETIRED_LABEL, "true");
        client.secrets().inNamespace(namespace).resource(copy).create();
        Secret without = new SecretBuilder(secret).removeFromData(dataKey(key.name())).build();
        client.secrets().inNamespace(namespace).resource(without).update();
        return true;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw failure("rotate", name, e);
        }
      }
    }
    throw new MaterialException("Could not rotate " + key + ": " + ATTEMPTS + " attempts met concurrent changes");
  }

  @Override
  public List<MaterialKey> keys(String network) {
    List<Secret> secrets;
    try {
      secrets = client.secrets().inNamespace(namespace).withLabel(NETWORK_LABEL, network).withoutLabel(RETIRED_LABEL)
          .list().getItems();
    } catch (KubernetesClientException e) {
      throw failure("list", "(label " + NETWORK_LABEL + "=" + network + ")", e);
    }
    List<MaterialKey> keys = new ArrayList<>();
    for (Secret s : secrets) {
      String owner = s.getMetadata().getAnnotations() == null ? null : s.getMetadata().getAnnotations().get(OWNER_ANNOTATION);
      if (owner != null && s.getData() != null) {
        s.getData().keySet().forEach(k -> keys.add(MaterialKey.of(network, owner, name(k))));
      }
    }
    keys.sort(Comparator.comparing(MaterialKey::path));
    return keys;
  }

  /** The name of the Secret that holds {@code key}'s owner's pieces: readable, and unique per network and owner. */
  public static String secretName(MaterialKey key) {
    String slug = key.owner().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > 40) {
      slug = slug.substring(0, 40).replaceAll("-+$", "");
    }
    return "material-" + key.network().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-" + slug + "-"
        + Digests.sha256Hex((key.network() + "/" + key.owner()).getBytes(StandardCharsets.UTF_8)).substring(0, 10);
  }

  /**
   * A Secret data key for a piece's name: names may hold {@code @}, which data keys may not, so
   * {@code _} is written {@code __} and {@code @} is written {@code _a}.
   */
  static String dataKey(String name) {
    return name.replace("_", "__").replace("@", "_a");
  }

  static String name(String dataKey) {
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < dataKey.length(); i++) {
      char c = dataKey.charAt(i);
      if (c == '_' && i + 1 < dataKey.length()) {
        name.append(dataKey.charAt(++i) == 'a' ? '@' : '_');
      } else {
        name.append(c);
      }
    }
    return name.toString();
  }

  private Secret get(String name) {
    try {
      return client.secrets().inNamespace(namespace).withName(name).get();
    } catch (KubernetesClientException e) {
      throw failure("get", name, e);
    }
  }

  private Optional<byte[]> value(Secret secret, MaterialKey key) {
    if (secret == null || secret.getData() == null) {
      return Optional.empty();
    }
    String encoded = secret.getData().get(dataKey(key.name()));
    if (encoded == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Base64.getDecoder().decode(encoded));
    } catch (IllegalArgumentException e) {
      throw new MaterialException("Stored material " + key + " in Secret " + namespace + "/" + secret.getMetadata().getName()
          + " is not base64; it is never replaced silently: repair it or rotate it", e);
    }
  }

  private Secret newSecret(String name, MaterialKey key, byte[] value) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(Labels.MANAGED_BY, Labels.MANAGER);
    labels.put(NETWORK_LABEL, key.network());
    return new SecretBuilder()
        .withMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).withLabels(labels)
            .withAnnotations(Map.of(OWNER_ANNOTATION, key.owner())).build())
        .withType("Opaque")
        .addToData(dataKey(key.name()), encode(value))
        .build();
  }

  private PlatformException failure(String verb, String name, KubernetesClientException e) {
    return new PlatformException(verb, "Secret " + namespace + "/" + name, "HTTP " + e.getCode() + " " + e.getMessage(), e);
  }

  private static String encode(byte[] value) {
    return Base64.getEncoder().encodeToString(value);
  }

  @Override
  public String toString() {
    return "KubernetesMaterialStore[" + namespace + "]";
  }
}
