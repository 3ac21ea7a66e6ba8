package io.chainwright.examples;

import io.chainwright.api.Network;
import io.chainwright.api.material.MaterialStore;
import java.util.List;

/** The Layer 2 example networks: OP Stack replicas and a chain of one's own, zkSync Era and Polygon CDK. */
public final class RollupExamples {
  private RollupExamples() {}

  public static List<Network> all(MaterialStore store) {
    return List.of(OpSepoliaExample.network(store), OpStackExample.network(store), BaseNodeExample.network(store),
        ZkSyncExample.network(store), PolygonCdkExample.network(store));
  }
}
