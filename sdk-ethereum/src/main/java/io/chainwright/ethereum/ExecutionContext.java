package io.chainwright.ethereum;

import io.chainwright.api.Exposure;
import java.util.Optional;

/** Everything an execution client's flags depend on, gathered once per node. */
record ExecutionContext(
    String workload, ExecutionSpec spec, Optional<PublicNetwork> network, Optional<CustomGenesis> genesis, StorageMode mode,
    Exposure rpcExposure) {
  /** Where old blocks live when they get a volume of their own (geth's freezer, reth's static files). */
  static final String ANCIENT_DIR = "/ancient";
  static final String JWT_DIR = "/secrets/jwt";
  static final String JWT_FILE = JWT_DIR + "/" + JwtSecret.KEY;

  String apis() {
    return String.join(",", spec.apis());
  }

  String hosts() {
    return String.join(",", spec.access().hostsFor(workload, rpcExposure));
  }

  Optional<String> corsOrigins() {
    return spec.access().corsOrigins().isEmpty() ? Optional.empty() : Optional.of(String.join(",", spec.access().corsOrigins()));
  }

  String genesisFile(String name) {
    return CustomGenesis.PATH + "/" + name;
  }
}
