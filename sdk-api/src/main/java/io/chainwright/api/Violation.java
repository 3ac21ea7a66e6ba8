package io.chainwright.api;

/**
 * One problem found in a model: where it is and what is wrong.
 *
 * @param path where the problem is, e.g. {@code workloads[geth].containers[geth].ports[rpc].number}
 * @param message what is wrong, e.g. {@code 70000 is not a port (1-65535)}
 */
public record Violation(String path, String message) {
  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
