package io.chainwright.fabric.client;

import io.chainwright.api.Violations;
import java.net.URI;

/** A node's address as host and port, e.g. {@code 127.0.0.1:7051} or {@code peer0.org1:7051}. */
public record Endpoint(String host, int port) {
  public Endpoint {
    Violations violations = Violations.root();
    violations.require("host", host == null || host.isBlank() ? null : host);
    violations.range("port", port, 1, 65535, "a port");
    violations.throwIfAny();
  }

  /** Parses {@code host:port}; IPv6 hosts are written in brackets, {@code [::1]:7051}. */
  public static Endpoint parse(String hostPort) {
    Violations violations = Violations.root();
    int colon = hostPort == null ? -1 : hostPort.lastIndexOf(':');
    if (colon <= 0 || colon == hostPort.length() - 1) {
      violations.add("endpoint", "'" + hostPort + "' is not host:port");
      violations.throwIfAny();
    }
    String host = hostPort.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      return new Endpoint(host, Integer.parseInt(hostPort.substring(colon + 1)));
    } catch (NumberFormatException e) {
      violations.add("endpoint", "'" + hostPort + "' has no numeric port");
      violations.throwIfAny();
      throw e;
    }
  }

  /** The endpoint of a URI such as a deployment's {@code endpoint(workload, port)}. */
  public static Endpoint of(URI uri) {
    String host = uri.getHost();
    if (host != null && host.startsWith("[")) {
      host = host.substring(1, host.length() - 1);
    }
    return new Endpoint(host, uri.getPort());
  }

  @Override
  public String toString() {
    return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
  }
}
