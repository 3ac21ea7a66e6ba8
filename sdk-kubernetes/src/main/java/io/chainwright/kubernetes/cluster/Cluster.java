package io.chainwright.kubernetes.cluster;

import io.chainwright.kubernetes.render.Labels;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.List;
import java.util.Map;

/** Reaches objects on the cluster, typed or untyped, one at a time or by ownership, with every call retried. */
final class Cluster {
  private final KubernetesClient client;
  private final Retrying retrying;

  Cluster(KubernetesClient client, RetryPolicy retry) {
    this.client = client;
    this.retrying = new Retrying(retry, String.valueOf(client.getMasterUrl()));
  }

  KubernetesClient client() {
    return client;
  }

  Retrying retrying() {
    return retrying;
  }

  /** The handle of one object, as fabric8 needs it for its kind. */
  @SuppressWarnings("unchecked")
  Resource<HasMetadata> handle(HasMetadata o) {
    Kinds.Kind kind = Kinds.require(o);
    if (kind.isGeneric()) {
      var generic = client.genericKubernetesResources(kind.generic());
      Resource<GenericKubernetesResource> r = kind.namespaced()
          ? generic.inNamespace(o.getMetadata().getNamespace()).resource((GenericKubernetesResource) o)
          : generic.resource((GenericKubernetesResource) o);
      return (Resource<HasMetadata>) (Resource<?>) r;
    }
    return client.resource(o);
  }

  /** The live state of {@code o}, or null when it does not exist. */
  HasMetadata get(HasMetadata o) {
    return retrying.call("get", Failures.Target.of(o), () -> handle(o).get());
  }

  /** Every object of {@code kind} that {@code network} owns, in {@code namespace} when the kind lives in one. */
  List<HasMetadata> owned(Kinds.Kind kind, String network, String namespace) {
    Map<String, String> selector = Labels.ownedSelector(network);
    Failures.Target target = new Failures.Target(kind.kind(), kind.isGeneric() ? kind.generic().getPlural() : HasMetadata.getPlural(kind.type()),
        kind.namespaced() ? namespace : "", "(owned by " + network + ")");
    return retrying.call("list", target, () -> {
      try {
        if (kind.isGeneric()) {
          var op = client.genericKubernetesResources(kind.generic());
          return List.<HasMetadata>copyOf((kind.namespaced() ? op.inNamespace(namespace) : op).withLabels(selector).list().getItems());
        }
        var op = client.resources(kind.type());
        return List.<HasMetadata>copyOf((kind.namespaced() ? op.inNamespace(namespace) : op).withLabels(selector).list().getItems());
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        // A kind the cluster does not know (its operator is not installed) holds nothing of ours.
        if (e.getCode() == 404) {
          return List.of();
        }
        throw e;
      }
    });
  }

  /** Deletes {@code o}; an object already gone counts as deleted. */
  void delete(HasMetadata o) {
    retrying.call("delete", Failures.Target.of(o), () -> handle(o).withPropagationPolicy(
        io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND).delete());
  }
}
