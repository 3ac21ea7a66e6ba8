package io.chainwright.compose.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.chainwright.api.ProbeCheck;
import java.util.List;

/**
 * A service's health check as Compose runs it inside the container, with the check it was made
 * from, which a runtime without containers (the host runtime) runs itself.
 *
 * @param check the model's check; not written to the file
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Healthcheck(
    List<String> test,
    String interval,
    String timeout,
    Integer retries,
    @JsonProperty("start_period") String startPeriod,
    @JsonIgnore ProbeCheck check,
    @JsonIgnore int timeoutSeconds) {}
