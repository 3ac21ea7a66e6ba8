package io.chainwright.ethereum;

import io.chainwright.ethereum.common.PublicNetwork;
import io.chainwright.ethereum.common.StorageMode;
import java.util.Optional;

/**
 * Volume sizes that leave a year or so of growth for each network and mode. They are estimates of
 * chain size, not measurements, and can be overridden on the node.
 */
final class StorageDefaults {
  private StorageDefaults() {}

  static String execution(Optional<PublicNetwork> network, StorageMode mode) {
    boolean archive = mode == StorageMode.ARCHIVE;
    return network.map(n -> switch (n) {
      case MAINNET -> archive ? "4Ti" : "2Ti";
      case SEPOLIA -> archive ? "2Ti" : "1Ti";
      case HOLESKY -> archive ? "1500Gi" : "500Gi";
      case HOODI -> archive ? "1Ti" : "300Gi";
    }).orElse(archive ? "200Gi" : "100Gi");
  }

  static String consensus(Optional<PublicNetwork> network) {
    return network.map(n -> switch (n) {
      case MAINNET -> "300Gi";
      case SEPOLIA, HOLESKY -> "200Gi";
      case HOODI -> "100Gi";
    }).orElse("50Gi");
  }
}
