package io.chainwright.kubernetes.render;

import io.chainwright.api.Container;
import io.chainwright.api.Port;
import io.chainwright.api.probe.ExecCheck;
import io.chainwright.api.probe.GrpcCheck;
import io.chainwright.api.probe.HttpCheck;
import io.chainwright.api.probe.JsonRpcCheck;
import io.chainwright.api.probe.JsonRpcExpectation;
import io.chainwright.api.probe.Probe;
import io.chainwright.api.probe.Shell;
import io.chainwright.api.probe.TcpCheck;
import io.fabric8.kubernetes.api.model.HTTPHeader;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Turns a model probe into a Kubernetes probe. */
final class ProbeRenderer {
  private ProbeRenderer() {}

  static io.fabric8.kubernetes.api.model.Probe render(Probe probe, Container container) {
    ProbeBuilder b = new ProbeBuilder()
        .withInitialDelaySeconds(probe.initialDelaySeconds() == 0 ? null : probe.initialDelaySeconds())
        .withPeriodSeconds(probe.periodSeconds())
        .withTimeoutSeconds(probe.timeoutSeconds())
        .withFailureThreshold(probe.failureThreshold())
        .withSuccessThreshold(probe.successThreshold());
    switch (probe.check()) {
      case HttpCheck http -> b.withNewHttpGet()
          .withPort(new IntOrString(http.port().orElseThrow()))
          .withPath(http.path())
          .withScheme(http.https() ? "HTTPS" : null)
          .withHttpHeaders(RenderContext.listOrNull(new TreeMap<>(http.headers()).entrySet().stream()
              .map(h -> new HTTPHeader(h.getKey(), h.getValue())).toList()))
          .endHttpGet();
      case TcpCheck tcp -> b.withNewTcpSocket().withPort(new IntOrString(tcp.port().orElseThrow())).endTcpSocket();
      case ExecCheck exec -> b.withNewExec().withCommand(exec.command()).endExec();
      // The gRPC probe takes a number, not a port name.
      case GrpcCheck grpc -> b.withNewGrpc()
          .withPort(number(container, grpc.port().orElseThrow()))
          .withService(grpc.service().orElse(null))
          .endGrpc();
      case JsonRpcCheck rpc -> b.withNewExec().withCommand(jsonRpcCommand(rpc, container)).endExec();
    }
    return b.build();
  }

  private static int number(Container container, String portName) {
    return container.port(portName).map(Port::number).orElseThrow(
        () -> new IllegalStateException("probe port " + portName + " is checked when the container is built"));
  }

  /**
   * Kubernetes has no JSON-RPC probe and an HTTP probe cannot POST, so the call runs inside the
   * container with whichever of curl or wget the image has, and the answer is matched with grep.
   */
  static List<String> jsonRpcCommand(JsonRpcCheck rpc, Container container) {
    String url = "http://127.0.0.1:" + number(container, rpc.port().orElseThrow()) + rpc.path();
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + rpc.method() + "\",\"params\":" + rpc.params() + "}";
    String fetch = "(curl -fsS -m 5 -H 'Content-Type: application/json' --data " + Shell.quote(body) + " " + url
        + " 2>/dev/null || wget -q -T 5 -O - --header 'Content-Type: application/json' --post-data "
        + Shell.quote(body) + " " + url + ")";
    JsonRpcExpectation expect = rpc.expect();
    String result = "\"result\" *: *";
    String script = switch (expect.match()) {
      case ANY_RESULT -> fetch + " | grep -Eq " + Shell.quote(result);
      case EQUALS -> fetch + " | grep -Eq " + Shell.quote(result + regex(expect.value().orElseThrow()) + " *[,}]");
      // The space keeps "$( (" from reading as the start of an arithmetic expansion.
      case NOT_EQUALS -> "out=$( " + fetch + " ) && echo \"$out\" | grep -Eq " + Shell.quote(result)
          + " && ! echo \"$out\" | grep -Eq " + Shell.quote(result + regex(expect.value().orElseThrow()) + " *[,}]");
    };
    return List.of("sh", "-c", script);
  }

  private static String regex(String json) {
    return Pattern.compile("[\\\\.\\[\\]{}()*+?^$|]").matcher(json.strip()).replaceAll("\\\\$0");
  }
}
