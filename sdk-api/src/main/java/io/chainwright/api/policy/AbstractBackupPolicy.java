package io.chainwright.api.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.CronSchedule;
import io.chainwright.api.Violations;
import java.util.List;
import org.immutables.value.Value;

/** Scheduled snapshots of workloads' data volumes, keeping the newest {@code retain}. */
@Value.Immutable
@JsonSerialize(as = BackupPolicy.class)
@JsonDeserialize(as = BackupPolicy.class)
abstract class AbstractBackupPolicy {
  public abstract String name();

  /** Workloads whose data volumes are snapshotted. */
  public abstract List<String> workloads();

  public abstract CronSchedule schedule();

  /** How many snapshots to keep per volume; older ones are deleted. */
  @Value.Default
  public int retain() {
    return 7;
  }

  /** The snapshot class to use. */
  public abstract String snapshotClass();

  /** The snapshot driver, e.g. {@code ebs.csi.aws.com}; rendered as the snapshot class when given. */
  @Value.Default
  public String snapshotDriver() {
    return "";
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("backups", name());
    v.label("name", name());
    if (workloads().isEmpty()) {
      v.add("workloads", "name at least one workload to back up");
    }
    v.require("schedule", schedule());
    v.range("retain", retain(), 1, 10_000, "a retention count");
    v.subdomain("snapshotClass", snapshotClass());
    if (snapshotDriver() == null) {
      v.add("snapshotDriver", "is required (empty for none)");
    }
    v.throwIfAny();
  }
}
