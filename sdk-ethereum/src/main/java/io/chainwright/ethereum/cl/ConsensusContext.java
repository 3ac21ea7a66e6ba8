package io.chainwright.ethereum.cl;

import io.chainwright.api.exposure.Exposure;
import io.chainwright.ethereum.common.CustomGenesis;
import io.chainwright.ethereum.common.PublicNetwork;
import java.util.Optional;

/** Everything a consensus client's command line depends on, gathered once per node by the node compiler. */
public record ConsensusContext(
    String workload, ConsensusSpec spec, Optional<PublicNetwork> network, Optional<CustomGenesis> genesis,
    String executionEndpoint) {
  Optional<String> corsOrigins() {
    return spec.access().corsOriginList();
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
    return CustomGenesis.file(name);
  }
}
