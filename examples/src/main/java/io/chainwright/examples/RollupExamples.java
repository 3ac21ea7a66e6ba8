package io.chainwright.examples;

import io.chainwright.api.Network;
import java.util.List;

/** The Layer 2 example networks: OP Stack replicas and a chain of one's own, zkSync Era and Polygon CDK. */
public final class RollupExamples {
  private RollupExamples() {}

  public static List<Network> all() {
    return List.of(OpSepoliaExample.network(), OpStackExample.network(), BaseNodeExample.network(),
        ZkSyncExample.network(), PolygonCdkExample.network());
  }
}
