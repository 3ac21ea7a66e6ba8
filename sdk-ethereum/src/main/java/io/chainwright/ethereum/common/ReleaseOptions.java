package io.chainwright.ethereum.common;

import io.chainwright.api.Violations;
import io.chainwright.api.tools.FlagList;
import java.util.List;
import java.util.Optional;

/** What a client's pinned release accepts, where the SDK keeps a list of it, and how the client spells a flag. */
public interface ReleaseOptions {
  /** The option list of the pinned release; empty where the SDK keeps none. */
  default Optional<FlagList> pinnedOptions() {
    return Optional.empty();
  }

  /** A flag as the client's own source names it, from its spelling on the command line. */
  default String spelling(String flag) {
    return flag;
  }

  /** Checks a user's extra arguments against the pinned release, unless they run an image of their own. */
  default void checkExtraArgs(Violations v, boolean ownImage, List<String> extraArgs) {
    if (!ownImage) {
      pinnedOptions().ifPresent(pinned -> pinned.checkExtraArgs(v, "extraArgs", extraArgs, this::spelling));
    }
  }
}
