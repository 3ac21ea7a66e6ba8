package io.chainwright.ethereum;

import io.chainwright.api.Exposure;
import java.util.Optional;

/** Everything a consensus client's flags depend on, gathered once per node. */
record ConsensusContext(
    String workload, ConsensusSpec spec, Optional<PublicNetwork> network, Optional<CustomGenesis> genesis,
    String executionEndpoint) {
  static final String JWT_FILE = ExecutionContext.JWT_FILE;

  Optional<String> corsOrigins() {
    return spec.access().corsOrigins().isEmpty() ? Optional.empty() : Optional.of(String.join(",", spec.access().corsOrigins()));
  }

  String hosts() {
    // The beacon API is never exposed beyond the network, so no ingress host joins the list.
    return String.join(",", spec.access().hostsFor(workload, Exposure.internal()));
  }

  Optional<String> checkpoint() {
    return spec.checkpointSyncUrl().map(Object::toString);
  }

  /** Genesis sync was chosen explicitly, or is the only way on a private network. */
  boolean genesisSync() {
    return spec.checkpointSyncUrl().isEmpty() && (spec.genesisSyncInsecure() || genesis.isPresent());
  }

  String genesisFile(String name) {
    return CustomGenesis.PATH + "/" + name;
  }
}
