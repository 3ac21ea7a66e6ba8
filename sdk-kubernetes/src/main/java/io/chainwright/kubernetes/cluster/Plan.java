package io.chainwright.kubernetes.cluster;

import java.util.List;

/**
 * What deploying a network would do to the cluster, worked out without changing anything.
 *
 * @param changes every object that would be created, changed or deleted, in apply order (deletions last)
 */
public record Plan(List<Change> changes) {
  /** What would happen to one object. */
  public enum Action {
    CREATE,
    CHANGE,
    DELETE
  }

  /**
   * One planned change.
   *
   * @param action what would happen
   * @param object the object, e.g. {@code StatefulSet chain/rpc}
   */
  public record Change(Action action, String object) {
    @Override
    public String toString() {
      return action.name().toLowerCase(java.util.Locale.ROOT) + " " + object;
    }
  }

  public Plan {
    changes = List.copyOf(changes);
  }

  /** True when deploying would change nothing. */
  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** The changes of one action. */
  public List<Change> of(Action action) {
    return changes.stream().filter(c -> c.action() == action).toList();
  }
}
