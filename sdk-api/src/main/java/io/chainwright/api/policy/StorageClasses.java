package io.chainwright.api.policy;

import java.util.List;

/**
 * Storage class presets for chain data on the major clouds and on local NVMe. Each retains its
 * disks on delete and binds when the first replica is scheduled, so the disk lands in the
 * replica's zone.
 */
public final class StorageClasses {
  /** The provisioner of statically created local volumes. */
  public static final String NO_PROVISIONER = "kubernetes.io/no-provisioner";

  private StorageClasses() {}

  /** AWS EBS gp3 at its ceiling of 16,000 IOPS and 1,000 MiB/s; the usual choice for full nodes. */
  public static StorageClass awsGp3(String name) {
    return StorageClass.builder().name(name).provisioner("ebs.csi.aws.com")
        .putParameter("type", "gp3").putParameter("iops", "16000").putParameter("throughput", "1000")
        .putParameter("fsType", "ext4").putParameter("encrypted", "true").build();
  }

  /** AWS EBS io2 with provisioned IOPS, for archive nodes and heavy RPC. */
  public static StorageClass awsIo2(String name, int iops) {
    return StorageClass.builder().name(name).provisioner("ebs.csi.aws.com")
        .putParameter("type", "io2").putParameter("iops", Integer.toString(iops))
        .putParameter("fsType", "ext4").putParameter("encrypted", "true").build();
  }

  /** GCP persistent disk SSD. */
  public static StorageClass gcpPdSsd(String name) {
    return StorageClass.builder().name(name).provisioner("pd.csi.storage.gke.io")
        .putParameter("type", "pd-ssd").build();
  }

  /** GCP extreme persistent disk with provisioned IOPS. */
  public static StorageClass gcpPdExtreme(String name, int iops) {
    return StorageClass.builder().name(name).provisioner("pd.csi.storage.gke.io")
        .putParameter("type", "pd-extreme").putParameter("provisioned-iops-on-create", Integer.toString(iops)).build();
  }

  /** Azure Premium SSD (locally redundant). */
  public static StorageClass azurePremiumLrs(String name) {
    return StorageClass.builder().name(name).provisioner("disk.csi.azure.com")
        .putParameter("skuName", "Premium_LRS").putParameter("cachingMode", "None").build();
  }

  /** Local NVMe disks on named nodes, offered as statically created volumes. */
  public static StorageClass localNvme(String name, List<LocalVolume> disks) {
    return StorageClass.builder().name(name).provisioner(NO_PROVISIONER).allowExpansion(false)
        .addAllLocalVolumes(disks).build();
  }
}
