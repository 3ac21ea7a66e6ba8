package io.chainwright.compose;

import io.chainwright.api.Gpu;
import io.chainwright.api.Quantity;
import io.chainwright.api.Resources;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns container resources into Compose {@code deploy.resources}: limits, reservations and GPU devices. */
final class ComposeResources {
  private ComposeResources() {}

  static Optional<Map<String, Object>> of(Resources resources) {
    Map<String, Object> limits = amounts(resources.cpuLimit(), resources.memoryLimit());
    Map<String, Object> reservations = amounts(resources.cpuRequest(), resources.memoryRequest());
    resources.gpu().ifPresent(gpu -> reservations.put("devices", List.of(gpuDevice(gpu))));
    Map<String, Object> result = new LinkedHashMap<>();
    if (!limits.isEmpty()) {
      result.put("limits", limits);
    }
    if (!reservations.isEmpty()) {
      result.put("reservations", reservations);
    }
    return result.isEmpty() ? Optional.empty() : Optional.of(result);
  }

  private static Map<String, Object> amounts(Optional<String> cpu, Optional<String> memory) {
    Map<String, Object> amounts = new LinkedHashMap<>();
    cpu.map(Quantity::parse).ifPresent(q -> amounts.put("cpus", q.amount().stripTrailingZeros().toPlainString()));
    memory.map(Quantity::parse).ifPresent(q -> amounts.put("memory", bytes(q.amount())));
    return amounts;
  }

  /** Compose reads plain numbers as bytes. */
  private static String bytes(BigDecimal amount) {
    return amount.setScale(0, java.math.RoundingMode.CEILING).toPlainString();
  }

  /** A MIG slice cannot be asked for by name in Compose; it reserves whole GPUs and the slice is the operator's business. */
  private static Map<String, Object> gpuDevice(Gpu gpu) {
    Map<String, Object> device = new LinkedHashMap<>();
    device.put("driver", "nvidia");
    device.put("count", gpu.count());
    device.put("capabilities", List.of("gpu"));
    return device;
  }
}
