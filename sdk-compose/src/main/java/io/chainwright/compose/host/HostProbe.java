package io.chainwright.compose.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainwright.api.probe.ExecCheck;
import io.chainwright.api.probe.GrpcCheck;
import io.chainwright.api.probe.HttpCheck;
import io.chainwright.api.probe.JsonRpcCheck;
import io.chainwright.api.probe.ProbeCheck;
import io.chainwright.api.probe.TcpCheck;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs a probe against a host process and says what it saw. gRPC checks fall back to a TCP
 * connection: the host runtime has no gRPC health client.
 */
final class HostProbe {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** The outcome of one attempt. */
  record Result(boolean passed, String observation) {}

  private final ProbeCheck check;
  private final Map<String, Integer> ports;
  private final Duration timeout;
  private final Function<List<String>, List<String>> execCommand;

  /**
   * @param ports the container's port names to loopback ports
   * @param execCommand turns an exec check's command into the host command line
   */
  HostProbe(ProbeCheck check, Map<String, Integer> ports, Duration timeout, Function<List<String>, List<String>> execCommand) {
    this.check = check;
    this.ports = ports;
    this.timeout = timeout;
    this.execCommand = execCommand;
  }

  Result attempt() {
    try {
      return switch (check) {
        case HttpCheck http -> http(http);
        case JsonRpcCheck rpc -> jsonRpc(rpc);
        case TcpCheck tcp -> tcp(port());
        case GrpcCheck grpc -> tcp(port());
        case ExecCheck exec -> exec(exec);
      };
    } catch (IOException e) {
      return new Result(false, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(false, "interrupted");
    }
  }

  private int port() {
    return ports.get(check.port().orElseThrow());
  }

  private Result http(HttpCheck http) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + http.path()))
        .timeout(timeout).GET();
    http.headers().forEach(request::header);
    int status = HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    return new Result(status < 400, "HTTP " + status);
  }

  private Result jsonRpc(JsonRpcCheck rpc) throws IOException, InterruptedException {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + rpc.method() + "\",\"params\":" + rpc.params() + "}";
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + rpc.path()))
        .timeout(timeout).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    JsonNode reply = JSON.readTree(response.body());
    if (reply.has("error")) {
      return new Result(false, rpc.method() + " error " + reply.get("error"));
    }
    JsonNode result = reply.get("result");
    return new Result(rpc.expect().test(result), rpc.method() + " = " + result);
  }

  private Result tcp(int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
      return new Result(true, "port " + port + " accepts connections");
    }
  }

  private Result exec(ExecCheck exec) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(execCommand.apply(exec.command())).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      return new Result(false, "command timed out");
    }
    return new Result(p.exitValue() == 0, "command exited " + p.exitValue());
  }
}
