package io.chainwright.ethereum.cl;

import io.chainwright.api.Container;
import io.chainwright.ethereum.common.ReleaseOptions;
import java.util.List;
import java.util.Optional;

/** One consensus client's command-line dialect. */
public interface ConsensusFlags extends ReleaseOptions {
  /** The program to run, when the image's entrypoint is not it. */
  default List<String> command() {
    return List.of();
  }

  List<String> args(ConsensusContext c);

  /** The flags among {@link #args} that list the Host header values the client answers; see {@link Container#hostAllowlistFlags()}. */
  default List<String> hostAllowlistFlags() {
    return List.of();
  }

  /** A step that fetches the checkpoint state before the client starts, for clients that need one. */
  default Optional<Container> checkpointInit(ConsensusContext c) {
    return Optional.empty();
  }
}
