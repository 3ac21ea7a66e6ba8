package io.chainwright.compose.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.chainwright.api.probe.Probe;
import java.util.List;

/**
 * A service's health check as Compose runs it inside the container, with the probe it was made
 * from, whose timings it writes and whose check a runtime without containers (the host runtime)
 * runs itself.
 *
 * @param test the command Compose runs in the container
 * @param probe the model's probe; not written to the file
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"test", "interval", "timeout", "retries", "start_period"})
public record Healthcheck(List<String> test, @JsonIgnore Probe probe) {
  public Healthcheck {
    test = List.copyOf(test);
  }

  @JsonProperty("interval")
  String interval() {
    return probe.periodSeconds() + "s";
  }

  @JsonProperty("timeout")
  String timeout() {
    return probe.timeoutSeconds() + "s";
  }

  @JsonProperty("retries")
  int retries() {
    return probe.failureThreshold();
  }

  /** Absent when the probe starts at once. */
  @JsonProperty("start_period")
  String startPeriod() {
    return probe.initialDelaySeconds() > 0 ? probe.initialDelaySeconds() + "s" : null;
  }
}
