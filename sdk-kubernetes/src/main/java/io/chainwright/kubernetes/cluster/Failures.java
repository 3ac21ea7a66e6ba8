package io.chainwright.kubernetes.cluster;

import io.chainwright.api.PlatformException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Classifies API failures (worth retrying or not) and turns them into exceptions that name the verb, resource and namespace. */
final class Failures {
  private Failures() {}

  /** True for failures that may pass on their own: conflicts, throttling, server errors and broken connections. */
  static boolean isTransient(Throwable e) {
    if (e instanceof KubernetesClientException k) {
      int code = k.getCode();
      if (code == 409 || code == 429 || (code >= 500 && code < 600)) {
        return true;
      }
      if (code == 0 || code == -1) {
        return causedByIo(k);
      }
      return false;
    }
    return causedByIo(e);
  }

  /**
   * Why the API server cannot be reached at all (a refused connection, a name that does not
   * resolve, no route), if that is the failure. Such a failure is not retried: waiting rarely makes
   * a wrong address or a stopped cluster answer, and the user should hear it at once.
   */
  static Optional<String> unreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        return Optional.of("unknown host " + t.getMessage());
      }
      if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
        return Optional.of(String.valueOf(t.getMessage()));
      }
    }
    return Optional.empty();
  }

  private static boolean causedByIo(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /** The wait the server asked for, from the Retry-After in its status details. */
  static Optional<Duration> retryAfter(Throwable e) {
    if (e instanceof KubernetesClientException k && k.getStatus() != null && k.getStatus().getDetails() != null) {
      Integer seconds = k.getStatus().getDetails().getRetryAfterSeconds();
      if (seconds != null && seconds > 0) {
        return Optional.of(Duration.ofSeconds(seconds));
      }
    }
    return Optional.empty();
  }

  /**
   * A failure that names what was done and to what. A refusal (403) also names the HTTP verb,
   * the resource and the namespace, which is what an RBAC rule needs to allow it.
   */
  static PlatformException describe(String verb, Target target, Throwable e, int attempts) {
    String detail;
    if (e instanceof KubernetesClientException k && k.getCode() == 403) {
      detail = "forbidden: the credentials in use may not " + httpVerb(verb) + " " + target.resource()
          + (target.namespace().isEmpty() ? " (cluster-scoped)" : " in namespace " + target.namespace())
          + "; grant it with a Role or ClusterRole" + serverMessage(k);
    } else if (e instanceof KubernetesClientException k && k.getCode() > 0) {
      detail = "HTTP " + k.getCode() + serverMessage(k);
    } else {
      detail = String.valueOf(e.getMessage());
    }
    if (attempts > 1) {
      detail += " (gave up after " + attempts + " attempts)";
    }
    return new PlatformException(verb, target.describe(), detail, e);
  }

  private static String serverMessage(KubernetesClientException k) {
    Status s = k.getStatus();
    return s != null && s.getMessage() != null && !s.getMessage().isBlank() ? " (server said: " + s.getMessage() + ")" : "";
  }

  /** The verb an RBAC rule names for one of our operations. */
  static String httpVerb(String verb) {
    return switch (verb.toLowerCase(Locale.ROOT)) {
      case "apply", "update" -> "patch";
      case "create" -> "create";
      case "delete", "prune" -> "delete";
      case "list", "await" -> "list";
      default -> "get";
    };
  }

  /** What an operation is done to: kind, resource name for RBAC, namespace and name. */
  record Target(String kind, String resource, String namespace, String name) {
    static Target of(HasMetadata o) {
      String ns = o.getMetadata().getNamespace() == null ? "" : o.getMetadata().getNamespace();
      return new Target(o.getKind(), Kinds.resourceOf(o), ns, o.getMetadata().getName());
    }

    String describe() {
      return kind + " " + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }
  }
}
