package io.chainwright.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Collects violations under a path, so that one check reports every problem it finds.
 *
 * <p>Model types use it from their {@code @Value.Check}; domain modules use it for their own
 * specs. {@link #throwIfAny()} ends the check.
 */
public final class Violations {
  private final List<Violation> found;
  private final String path;

  private Violations(List<Violation> found, String path) {
    this.found = found;
    this.path = path;
  }

  /** A collector at the root of a model. */
  public static Violations root() {
    return new Violations(new ArrayList<>(), "");
  }

  /** A collector rooted at an element of a named collection, e.g. {@code ports[rpc]}. */
  public static Violations at(String collection, String key) {
    return root().in(collection, key);
  }

  /** The same collector, one level down at {@code field}. */
  public Violations in(String field) {
    return new Violations(found, join(field));
  }

  /** The same collector, one level down at an element of a named collection: {@code field[key]}. */
  public Violations in(String field, String key) {
    return new Violations(found, join(field) + "[" + (key == null || key.isEmpty() ? "?" : key) + "]");
  }

  /** Records a problem at {@code field} under this collector's path. */
  public Violations add(String field, String message) {
    found.add(new Violation(join(field), message));
    return this;
  }

  /** Records a problem at this collector's own path. */
  public Violations add(String message) {
    found.add(new Violation(path, message));
    return this;
  }

  /** Records every violation of a nested check, placed under this collector's path. */
  public Violations addAll(ValidationException nested) {
    for (Violation v : nested.violations()) {
      found.add(new Violation(join(v.path()), v.message()));
    }
    return this;
  }

  /** True when a value is present; otherwise records that {@code field} is required. */
  public boolean require(String field, Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      add(field, "is required");
      return false;
    }
    return true;
  }

  /** Checks a DNS-1123 label (lower-case letters, digits and '-', at most 63). */
  public void label(String field, String value) {
    if (require(field, value)) {
      Names.dnsLabelProblem(value).ifPresent(p -> add(field, p));
    }
  }

  /** Checks a DNS-1123 subdomain (labels joined by '.', at most 253). */
  public void subdomain(String field, String value) {
    if (require(field, value)) {
      Names.dnsSubdomainProblem(value).ifPresent(p -> add(field, p));
    }
  }

  /** Checks a Kubernetes-style label map: qualified keys and short values. */
  public void labels(String field, Map<String, String> labels) {
    labels.forEach((k, v) -> {
      Names.labelKeyProblem(k).ifPresent(p -> add(field, "key '" + k + "' " + p));
      Names.labelValueProblem(v).ifPresent(p -> in(field, k).add(p));
    });
  }

  /** Checks an optional quantity such as {@code 16Gi}, returning it parsed when it is one. */
  public Optional<Quantity> quantity(String field, Optional<String> text) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<Quantity> q = Quantity.tryParse(text.get());
    if (q.isEmpty()) {
      add(field, Quantity.problem(text.get()));
    }
    return q;
  }

  /** Checks an HTTP path: it must start with '/'. */
  public void httpPath(String field, String path) {
    if (path == null || !path.startsWith("/")) {
      add(field, "'" + path + "' must start with '/'");
    }
  }

  /** Checks that {@code value} lies in {@code [min, max]}. */
  public void range(String field, long value, long min, long max, String what) {
    if (value < min || value > max) {
      add(field, value + " is not " + what + " (" + min + "-" + max + ")");
    }
  }

  /** Records a clash for every key that appears more than once among {@code items}. */
  public <T> void unique(String field, Collection<T> items, Function<T, String> key) {
    Set<String> seen = new HashSet<>();
    for (T item : items) {
      String k = key.apply(item);
      if (k != null && !seen.add(k)) {
        in(field, k).add("name is used more than once");
      }
    }
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  /** Every violation collected so far, by every collector that shares this one's root. */
  public List<Violation> list() {
    return List.copyOf(found);
  }

  /** Ends a check: throws one {@link ValidationException} listing everything found. */
  public void throwIfAny() {
    if (!found.isEmpty()) {
      throw new ValidationException(found);
    }
  }

  private String join(String field) {
    if (field == null || field.isEmpty()) {
      return path;
    }
    return path.isEmpty() ? field : path + "." + field;
  }
}
