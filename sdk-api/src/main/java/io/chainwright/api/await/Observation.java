package io.chainwright.api.await;

import java.util.Objects;
import java.util.Optional;

/**
 * One look at an awaited condition: whether it holds, what was seen, and the value to return once it does.
 *
 * @param done whether the awaited state is reached
 * @param state what was seen, e.g. {@code block 12 of 4000}; one progress line is reported per change of it
 * @param value the wait's result, present when {@code done}
 */
public record Observation<T>(boolean done, String state, Optional<T> value) {
  public Observation {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(value, "value");
  }

  /** The condition holds; {@code value} is what the wait returns. */
  public static <T> Observation<T> done(T value, String state) {
    return new Observation<>(true, state, Optional.ofNullable(value));
  }

  /** Done with {@code value} when {@code done}; otherwise waiting, and {@code value} is dropped. */
  public static <T> Observation<T> of(boolean done, T value, String state) {
    return done ? done(value, state) : waiting(state);
  }

  /** The condition does not hold yet. */
  public static <T> Observation<T> waiting(String state) {
    return new Observation<>(false, state, Optional.empty());
  }
}
