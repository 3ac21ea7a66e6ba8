package io.chainwright.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * CPU, memory and GPU for one container, written as quantities ({@code 500m}, {@code 16Gi}).
 * A request is what the scheduler reserves; a limit is the most the container may use.
 */
@Value.Immutable
@JsonSerialize(as = Resources.class)
@JsonDeserialize(as = Resources.class)
abstract class AbstractResources {
  public abstract Optional<String> cpuRequest();

  public abstract Optional<String> cpuLimit();

  public abstract Optional<String> memoryRequest();

  public abstract Optional<String> memoryLimit();

  public abstract Optional<Gpu> gpu();

  /** Intel SGX enclave resources, from Intel's SGX device plugin. */
  public abstract Optional<Sgx> sgx();

  /** No requests or limits. */
  public static Resources none() {
    return Resources.builder().build();
  }

  /** Requests equal to limits, the guaranteed class: {@code of("4", "16Gi")}. */
  public static Resources of(String cpu, String memory) {
    return Resources.builder().cpuRequest(cpu).cpuLimit(cpu).memoryRequest(memory).memoryLimit(memory).build();
  }

  /** Requests below limits, the burstable class: {@code of("250m", "1", "256Mi", "1Gi")}. */
  public static Resources of(String cpuRequest, String cpuLimit, String memoryRequest, String memoryLimit) {
    return Resources.builder().cpuRequest(cpuRequest).cpuLimit(cpuLimit).memoryRequest(memoryRequest).memoryLimit(memoryLimit)
        .build();
  }

  /** A short setup step that copies or writes a few files: little CPU and memory, a little headroom. */
  public static Resources setupStep() {
    return of("50m", "250m", "32Mi", "128Mi");
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("resources");
    Optional<Quantity> cpuRequest = v.quantity("cpuRequest", cpuRequest());
    Optional<Quantity> cpuLimit = v.quantity("cpuLimit", cpuLimit());
    Optional<Quantity> memoryRequest = v.quantity("memoryRequest", memoryRequest());
    Optional<Quantity> memoryLimit = v.quantity("memoryLimit", memoryLimit());
    notAbove(v, "cpuRequest", cpuRequest, cpuLimit);
    notAbove(v, "memoryRequest", memoryRequest, memoryLimit);
    v.throwIfAny();
  }

  private static void notAbove(Violations v, String field, Optional<Quantity> request, Optional<Quantity> limit) {
    if (request.isPresent() && limit.isPresent() && request.get().compareTo(limit.get()) > 0) {
      v.add(field, request.get() + " is above the limit " + limit.get());
    }
  }
}
