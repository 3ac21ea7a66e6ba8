package io.chainwright.compose;

import io.chainwright.api.Container;
import io.chainwright.api.probe.ExecCheck;
import io.chainwright.api.probe.GrpcCheck;
import io.chainwright.api.probe.HttpCheck;
import io.chainwright.api.probe.JsonRpcCheck;
import io.chainwright.api.probe.JsonRpcExpectation;
import io.chainwright.api.probe.Probe;
import io.chainwright.api.probe.ProbeCheck;
import io.chainwright.api.probe.Shell;
import io.chainwright.api.probe.TcpCheck;
import io.chainwright.compose.spec.Healthcheck;
import io.chainwright.compose.spec.Interpolation;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns a readiness probe into a Compose healthcheck. Exec checks run as given; HTTP, TCP and
 * JSON-RPC checks run through {@code wget} or the shell inside the container, so the image needs
 * them. gRPC checks use {@code grpc_health_probe}.
 */
final class ComposeHealthchecks {
  private ComposeHealthchecks() {}

  static Healthcheck of(Container container, Probe probe) {
    return new Healthcheck(test(container, probe.check()), probe);
  }

  private static List<String> test(Container container, ProbeCheck check) {
    return switch (check) {
      case ExecCheck exec -> Stream.concat(Stream.of("CMD"), exec.command().stream().map(Interpolation::literal)).toList();
      case HttpCheck http -> shell("wget -q -O /dev/null" + headers(http) + " "
          + Shell.quote((http.https() ? "https" : "http") + "://127.0.0.1:" + port(container, http) + http.path()));
      case TcpCheck tcp -> shell("exec 3<>/dev/tcp/127.0.0.1/" + port(container, tcp));
      case GrpcCheck grpc -> shell("grpc_health_probe -addr=127.0.0.1:" + port(container, grpc) + grpc.service().map(s -> " -service=" + s).orElse(""));
      case JsonRpcCheck rpc -> shell(jsonRpc(port(container, rpc), rpc));
    };
  }

  /** The check runs in the container's shell; Compose substitutes nothing into it. */
  private static List<String> shell(String command) {
    return List.of("CMD-SHELL", Interpolation.literal(command));
  }

  /** The check's own headers, such as the Host a server's allowlist expects, in a stable order. */
  private static String headers(HttpCheck http) {
    return new TreeMap<>(http.headers()).entrySet().stream()
        .map(h -> " --header " + Shell.quote(h.getKey() + ": " + h.getValue()))
        .collect(Collectors.joining());
  }

  private static int port(Container container, ProbeCheck check) {
    return container.port(check.port().orElseThrow()).orElseThrow().number();
  }

  /** Posts the call and compares the compact {@code "result":value} text, which JSON-RPC servers emit. */
  private static String jsonRpc(int port, JsonRpcCheck rpc) {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + rpc.method() + "\",\"params\":" + rpc.params() + "}";
    String call = "wget -q -O - --header 'Content-Type: application/json' --post-data '" + body + "' http://127.0.0.1:" + port + rpc.path();
    JsonRpcExpectation expect = rpc.expect();
    return switch (expect.match()) {
      case ANY_RESULT -> call + " | grep -q '\"result\"'";
      case EQUALS -> call + " | grep -q '\"result\":" + expect.value().orElseThrow() + "'";
      case NOT_EQUALS -> call + " | grep '\"result\"' | grep -vq '\"result\":" + expect.value().orElseThrow() + "'";
    };
  }
}
