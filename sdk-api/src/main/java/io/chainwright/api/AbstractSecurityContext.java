package io.chainwright.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/**
 * How a container runs. The defaults are the restricted profile: a non-root user, all capabilities
 * dropped, no privilege escalation, a read-only root file system and the runtime's seccomp filter.
 * Anything weaker is an explicit choice.
 */
@Value.Immutable
@JsonSerialize(as = SecurityContext.class)
@JsonDeserialize(as = SecurityContext.class)
abstract class AbstractSecurityContext {
  public static final long DEFAULT_USER = 10001;

  @Value.Default
  public long runAsUser() {
    return DEFAULT_USER;
  }

  @Value.Default
  public long runAsGroup() {
    return DEFAULT_USER;
  }

  @Value.Default
  public boolean runAsNonRoot() {
    return true;
  }

  @Value.Default
  public boolean readOnlyRootFilesystem() {
    return true;
  }

  @Value.Default
  public boolean allowPrivilegeEscalation() {
    return false;
  }

  @Value.Default
  public boolean privileged() {
    return false;
  }

  /** Capabilities added back after all are dropped, e.g. {@code NET_BIND_SERVICE}. */
  public abstract List<String> capabilities();

  @Value.Default
  public Seccomp seccomp() {
    return Seccomp.RUNTIME_DEFAULT;
  }

  /** The restricted default. */
  public static SecurityContext restricted() {
    return SecurityContext.builder().build();
  }

  /** Runs as root with a writable root file system; named so that nobody chooses it by accident. */
  public static SecurityContext insecureRoot() {
    return SecurityContext.builder().runAsUser(0).runAsGroup(0).runAsNonRoot(false).readOnlyRootFilesystem(false).build();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("security");
    v.range("runAsUser", runAsUser(), 0, Integer.MAX_VALUE, "a user id");
    v.range("runAsGroup", runAsGroup(), 0, Integer.MAX_VALUE, "a group id");
    if (runAsNonRoot() && runAsUser() == 0) {
      v.add("runAsUser", "0 is root, but runAsNonRoot is set; use SecurityContext.insecureRoot() to run as root");
    }
    if (privileged() && runAsNonRoot()) {
      v.add("privileged", "a privileged container is root in all but name; set runAsNonRoot false explicitly");
    }
    for (String cap : capabilities()) {
      if (!cap.matches("[A-Z_]+")) {
        v.in("capabilities", cap).add("is not a capability name such as NET_BIND_SERVICE");
      }
    }
    v.require("seccomp", seccomp());
    v.throwIfAny();
  }
}
