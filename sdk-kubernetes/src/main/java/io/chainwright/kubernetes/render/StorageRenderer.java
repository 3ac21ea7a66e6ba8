package io.chainwright.kubernetes.render;

import io.chainwright.api.policy.LocalVolume;
import io.chainwright.api.policy.ReclaimPolicy;
import io.chainwright.api.policy.StorageClass;
import io.chainwright.api.policy.VolumeBinding;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import java.util.List;
import java.util.Map;

/** Renders the network's storage classes and the local disks offered through them. */
final class StorageRenderer {
  private StorageRenderer() {}

  static void render(RenderContext ctx) {
    for (StorageClass sc : ctx.network().storageClasses()) {
      if (sc.existing()) {
        continue;
      }
      String reclaim = sc.reclaim() == ReclaimPolicy.RETAIN ? "Retain" : "Delete";
      ctx.add(Tier.STORAGE, new StorageClassBuilder()
          // Networks share storage classes by name: the same object from each, owned by none.
          .withMetadata(RenderContext.clusterSharedMeta(sc.name()))
          .withProvisioner(sc.provisioner())
          .withParameters(RenderContext.sortedOrNull(sc.parameters()))
          .withReclaimPolicy(reclaim)
          .withVolumeBindingMode(sc.binding() == VolumeBinding.IMMEDIATE ? "Immediate" : "WaitForFirstConsumer")
          .withAllowVolumeExpansion(sc.allowExpansion())
          .build());
      for (LocalVolume disk : sc.localVolumes()) {
        ctx.add(Tier.STORAGE, localVolume(ctx, sc, disk, reclaim));
      }
    }
  }

  /** A local disk can only be used on its own node, so the volume pins every pod that claims it there. */
  private static io.fabric8.kubernetes.api.model.PersistentVolume localVolume(
      RenderContext ctx, StorageClass sc, LocalVolume disk, String reclaim) {
    return new PersistentVolumeBuilder()
        .withMetadata(ctx.clusterMeta(disk.name()))
        .withNewSpec()
        .withCapacity(Map.of("storage", new Quantity(disk.size())))
        .withAccessModes(List.of("ReadWriteOnce"))
        .withVolumeMode("Filesystem")
        .withPersistentVolumeReclaimPolicy(reclaim)
        .withStorageClassName(sc.name())
        .withNewLocal().withPath(disk.path()).endLocal()
        .withNewNodeAffinity()
        .withNewRequired()
        .addNewNodeSelectorTerm()
        .addNewMatchExpression().withKey("kubernetes.io/hostname").withOperator("In").withValues(disk.node()).endMatchExpression()
        .endNodeSelectorTerm()
        .endRequired()
        .endNodeAffinity()
        .endSpec()
        .build();
  }
}
