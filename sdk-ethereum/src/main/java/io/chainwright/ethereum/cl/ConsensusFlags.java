package io.chainwright.ethereum.cl;

import io.chainwright.api.Container;
import io.chainwright.ethereum.common.ClientFlags;
import java.util.List;
import java.util.Optional;

/** One consensus client's command-line dialect. */
public interface ConsensusFlags extends ClientFlags {
  List<String> args(ConsensusContext c);

  /** A step that fetches the checkpoint state before the client starts, for clients that need one. */
  default Optional<Container> checkpointInit(ConsensusContext c) {
    return Optional.empty();
  }
}
