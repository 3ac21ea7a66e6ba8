package io.chainwright.l2.opstack;

import io.chainwright.ethereum.common.StorageMode;
import java.util.Optional;

/** Default sizes of op-geth's data, with room to grow: Base mainnet is by far the largest chain here. */
final class OpStackDefaults {
  private OpStackDefaults() {}

  static String storage(Optional<OpNetwork> network, StorageMode mode) {
    boolean archive = mode == StorageMode.ARCHIVE;
    return switch (network.orElse(OpNetwork.OP_SEPOLIA)) {
      case BASE_MAINNET -> archive ? "24Ti" : "8Ti";
      case OP_MAINNET -> archive ? "12Ti" : "3Ti";
      case OP_SEPOLIA, BASE_SEPOLIA -> archive ? "4Ti" : "1Ti";
    };
  }
}
