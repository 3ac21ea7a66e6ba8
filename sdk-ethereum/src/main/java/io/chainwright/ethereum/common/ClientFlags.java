package io.chainwright.ethereum.common;

import io.chainwright.api.Container;
import io.chainwright.api.Violations;
import io.chainwright.api.tools.FlagList;
import java.util.List;
import java.util.Optional;

/** What every client's command-line dialect says besides its arguments: execution, consensus and validator clients alike. */
public interface ClientFlags {
  /** The program to run, when the image's entrypoint is not it. */
  default List<String> command() {
    return List.of();
  }

  /** The flags among the arguments that list the Host header values the client answers; see {@link Container#hostAllowlistFlags()}. */
  default List<String> hostAllowlistFlags() {
    return List.of();
  }

  /** The option list of the pinned release; empty where the SDK keeps none. */
  default Optional<FlagList> pinnedOptions() {
    return Optional.empty();
  }

  /** Checks a user's extra arguments against the pinned release, unless they run an image of their own. */
  default void checkExtraArgs(Violations v, boolean ownImage, List<String> extraArgs) {
    if (!ownImage) {
      pinnedOptions().ifPresent(pinned -> pinned.checkExtraArgs(v, "extraArgs", extraArgs));
    }
  }
}
