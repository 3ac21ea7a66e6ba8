package io.chainwright.api;

import io.chainwright.api.volume.DeviceVolume;
import java.util.Locale;
import java.util.Set;

/**
 * The strictest of the Kubernetes Pod Security Standards a workload's pods meet, from what the
 * model says of its containers and volumes: {@code restricted} needs non-root, no privilege
 * escalation, the runtime's seccomp filter and no added capability but NET_BIND_SERVICE;
 * {@code baseline} refuses privileged containers, host devices, unconfined seccomp and
 * capabilities beyond the default set.
 */
public enum SecurityLevel {
  PRIVILEGED,
  BASELINE,
  RESTRICTED;

  private static final Set<String> RESTRICTED_CAPABILITIES = Set.of("NET_BIND_SERVICE");
  private static final Set<String> BASELINE_CAPABILITIES = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER",
      "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

  /** The level's name as Pod Security labels write it, e.g. {@code restricted}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The strictest level every pod of {@code workload} passes. */
  public static SecurityLevel of(Workload workload) {
    if (workload.volumes().stream().anyMatch(DeviceVolume.class::isInstance)) {
      return PRIVILEGED;
    }
    SecurityLevel level = RESTRICTED;
    for (Container c : workload.allContainers()) {
      SecurityContext s = c.security();
      if (s.privileged() || s.seccomp() == Seccomp.UNCONFINED || !BASELINE_CAPABILITIES.containsAll(s.capabilities())) {
        return PRIVILEGED;
      }
      if (!s.runAsNonRoot() || s.allowPrivilegeEscalation() || s.seccomp() != Seccomp.RUNTIME_DEFAULT
          || !RESTRICTED_CAPABILITIES.containsAll(s.capabilities())) {
        level = BASELINE;
      }
    }
    return level;
  }

  /** The strictest level every pod of {@code network} passes. */
  public static SecurityLevel of(Network network) {
    return network.workloads().stream().map(SecurityLevel::of).min(Enum::compareTo).orElse(RESTRICTED);
  }
}
