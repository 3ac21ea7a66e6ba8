package io.chainwright.api.await;

/** Looks once at something awaited. A failure ends the wait, unless the {@link Await} counts it as an observation. */
@FunctionalInterface
public interface Condition<T> {
  Observation<T> look() throws Exception;
}
