package io.chainwright.kubernetes.cluster;

import io.chainwright.kubernetes.render.RenderedObject;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes a batch of objects to the cluster in parallel, and fails only after every object of the batch was tried. */
final class Applier {
  private static final Logger LOG = LoggerFactory.getLogger(Applier.class);
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final Cluster cluster;
  private final ApplyMode mode;

  Applier(Cluster cluster, ApplyMode mode) {
    this.cluster = cluster;
    this.mode = mode;
  }

  /** Applies {@code batch} in parallel; returns each object's outcome, in the batch's order. */
  Map<RenderedObject, Outcome> apply(List<RenderedObject> batch) {
    List<Outcome> results = Parallel.each(batch, "apply", o -> applyOne(o.object()));
    Map<RenderedObject, Outcome> outcomes = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      outcomes.put(batch.get(i), results.get(i));
    }
    return outcomes;
  }

  private Outcome applyOne(HasMetadata desired) {
    Failures.Target target = Failures.Target.of(desired);
    Outcome outcome = cluster.retrying().call("apply", target, () -> switch (mode) {
      case SERVER_SIDE -> serverSideApply(desired);
      case CREATE_OR_UPDATE -> createOrUpdate(desired);
    });
    LOG.debug("{}: {}", target.describe(), outcome);
    return outcome;
  }

  /**
   * The server decides what an apply changes; whether it changed anything shows in the
   * resourceVersion, which moves on every write that changes the object and on no other.
   */
  private Outcome serverSideApply(HasMetadata desired) {
    HasMetadata before = cluster.handle(desired).get();
    HasMetadata after = cluster.handle(desired).fieldManager(ApplyMode.FIELD_MANAGER).forceConflicts().serverSideApply();
    if (before == null) {
      return Outcome.CREATED;
    }
    String was = before.getMetadata().getResourceVersion();
    return was != null && was.equals(after.getMetadata().getResourceVersion()) ? Outcome.UNCHANGED : Outcome.UPDATED;
  }

  /**
   * Creates first, since on a first deploy nearly everything is new; an existing object answers
   * 409 and is then compared and replaced only if it differs. Runs whole on every retry, so a
   * conflicting update re-reads the live object before writing again.
   */
  private Outcome createOrUpdate(HasMetadata desired) {
    try {
      cluster.handle(desired).create();
      return Outcome.CREATED;
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
    }
    HasMetadata live = cluster.handle(desired).get();
    if (live == null) {
      throw new KubernetesClientException("deleted while being applied; trying again", 409, null);
    }
    if (Drift.upToDate(desired, live)) {
      return Outcome.UNCHANGED;
    }
    HasMetadata replacement = SERIALIZATION.clone(desired);
    replacement.getMetadata().setResourceVersion(live.getMetadata().getResourceVersion());
    cluster.handle(replacement).update();
    return Outcome.UPDATED;
  }
}
