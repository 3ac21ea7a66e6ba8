package io.chainwright.api.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Quantity;
import io.chainwright.api.Violations;
import org.immutables.value.Value;

/** A local disk (typically NVMe) on one named node, offered as a persistent volume of a no-provisioner class. */
@Value.Immutable
@JsonSerialize(as = LocalVolume.class)
@JsonDeserialize(as = LocalVolume.class)
abstract class AbstractLocalVolume {
  public abstract String name();

  /** The node the disk is attached to. */
  public abstract String node();

  /** The mount point of the disk on that node. */
  public abstract String path();

  public abstract String size();

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("localVolumes", name());
    v.subdomain("name", name());
    v.subdomain("node", node());
    if (v.require("path", path()) && !path().startsWith("/")) {
      v.add("path", "'" + path() + "' is not an absolute path");
    }
    if (v.require("size", size()) && Quantity.tryParse(size()).isEmpty()) {
      v.add("size", Quantity.problem(size()));
    }
    v.throwIfAny();
  }
}
