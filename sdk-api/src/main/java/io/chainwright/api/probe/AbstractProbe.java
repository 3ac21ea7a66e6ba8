package io.chainwright.api.probe;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.List;
import org.immutables.value.Value;

/** A health check and its timing. */
@Value.Immutable
@JsonSerialize(as = Probe.class)
@JsonDeserialize(as = Probe.class)
abstract class AbstractProbe {
  public abstract ProbeCheck check();

  @Value.Default
  public int initialDelaySeconds() {
    return 0;
  }

  @Value.Default
  public int periodSeconds() {
    return 10;
  }

  @Value.Default
  public int timeoutSeconds() {
    return 5;
  }

  @Value.Default
  public int failureThreshold() {
    return 3;
  }

  @Value.Default
  public int successThreshold() {
    return 1;
  }

  /** An HTTP GET on a named port that must answer 2xx or 3xx. */
  public static Probe http(String port, String path) {
    return Probe.builder().check(HttpCheck.builder().port(port).path(path).build()).build();
  }

  /** A TCP connection to a named port. */
  public static Probe tcp(String port) {
    return Probe.builder().check(TcpCheck.builder().port(port).build()).build();
  }

  /** A command in the container that must exit 0. */
  public static Probe exec(String... command) {
    return Probe.builder().check(ExecCheck.builder().addCommand(command).build()).build();
  }

  /** A gRPC health check on a named port. */
  public static Probe grpc(String port) {
    return Probe.builder().check(GrpcCheck.builder().port(port).build()).build();
  }

  /** A JSON-RPC call on a named port whose result must match {@code expect}. */
  public static Probe jsonRpc(String port, String method, JsonRpcExpectation expect) {
    return Probe.builder().check(JsonRpcCheck.builder().port(port).method(method).expect(expect).build()).build();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root();
    v.require("check", check());
    v.range("initialDelaySeconds", initialDelaySeconds(), 0, 86_400, "a delay in seconds");
    v.range("periodSeconds", periodSeconds(), 1, 86_400, "a period in seconds");
    v.range("timeoutSeconds", timeoutSeconds(), 1, 86_400, "a timeout in seconds");
    v.range("failureThreshold", failureThreshold(), 1, 1_000, "a threshold");
    v.range("successThreshold", successThreshold(), 1, 1_000, "a threshold");
    v.throwIfAny();
  }

  /** The port names this probe needs, so the container check can find missing ones. */
  public List<String> portNames() {
    return check() == null ? List.of() : check().port().stream().toList();
  }
}
