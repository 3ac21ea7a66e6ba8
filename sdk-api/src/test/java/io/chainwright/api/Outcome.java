package io.chainwright.api;

import java.util.List;
import java.util.Optional;

/** What building a spec gave: the network if it built, and every ValidationException on the way. */
public record Outcome(Optional<Network> network, List<ValidationException> problems) {
  public boolean isValid() {
    return network.isPresent();
  }
}
