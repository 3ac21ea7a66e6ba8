package io.chainwright.ethereum.cl;

import io.chainwright.api.Container;
import io.chainwright.api.tools.FlagList;
import java.util.List;
import java.util.Optional;

/** One consensus client's command-line dialect. */
public interface ConsensusFlags {
  /** The program to run, when the image's entrypoint is not it. */
  default List<String> command() {
    return List.of();
  }

  List<String> args(ConsensusContext c);

  /** What the client's pinned release accepts, where the SDK keeps a list of it: extra arguments are checked against it. */
  default Optional<FlagList> pinnedOptions() {
    return Optional.empty();
  }

  /** A flag as the client's own source names it, from its spelling on the command line. */
  default String spelling(String flag) {
    return flag;
  }

  /** The flags among {@link #args} that list the Host header values the client answers; see {@link Container#hostAllowlistFlags()}. */
  default List<String> hostAllowlistFlags() {
    return List.of();
  }

  /** A step that fetches the checkpoint state before the client starts, for clients that need one. */
  default Optional<Container> checkpointInit(ConsensusContext c) {
    return Optional.empty();
  }
}
