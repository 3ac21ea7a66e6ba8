package io.chainwright.ethereum.el;

import io.chainwright.api.exposure.Exposure;
import io.chainwright.ethereum.common.CustomGenesis;
import io.chainwright.ethereum.common.PublicNetwork;
import io.chainwright.ethereum.common.StorageMode;
import java.util.Optional;

/** Everything an execution client's command line depends on, gathered once per node by the node compiler. */
public record ExecutionContext(
    String workload, ExecutionSpec spec, Optional<PublicNetwork> network, Optional<CustomGenesis> genesis, StorageMode mode,
    Exposure rpcExposure) {
  String apis() {
    return String.join(",", spec.apis());
  }

  String hosts() {
    return String.join(",", spec.access().hostsFor(workload, rpcExposure));
  }

  Optional<String> corsOrigins() {
    return spec.access().corsOriginList();
  }

  String genesisFile(String name) {
    return CustomGenesis.file(name);
  }
}
