package io.chainwright.fabric.client;

import io.chainwright.api.Violations;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a client speaks TLS to a Fabric node: the CA certificates it trusts for the node's server
 * certificate, an optional client certificate for mutual TLS, and optionally the name the server's
 * certificate must carry when it differs from the host dialled (e.g. dialling {@code 127.0.0.1}
 * for {@code peer0.org1.example.com}). The server certificate is always verified.
 */
public record ClientTls(List<X509Certificate> trustedRoots, Optional<X509Certificate> clientCertificate,
    Optional<PrivateKey> clientKey, Optional<String> serverName) {
  public ClientTls {
    Violations violations = Violations.root();
    if (trustedRoots == null || trustedRoots.isEmpty() || trustedRoots.stream().anyMatch(Objects::isNull)) {
      violations.add("trustedRoots", "at least one CA certificate is required; the server certificate is always verified");
    }
    clientCertificate = clientCertificate == null ? Optional.empty() : clientCertificate;
    clientKey = clientKey == null ? Optional.empty() : clientKey;
    serverName = serverName == null ? Optional.empty() : serverName;
    if (clientCertificate.isPresent() != clientKey.isPresent()) {
      violations.add("clientKey", "a client certificate and its private key come together");
    }
    if (serverName.filter(String::isBlank).isPresent()) {
      violations.add("serverName", "must not be blank");
    }
    violations.throwIfAny();
    trustedRoots = List.copyOf(trustedRoots);
  }

  /** TLS that trusts {@code roots}, without a client certificate. */
  public static ClientTls trusting(X509Certificate... roots) {
    return new ClientTls(roots == null ? List.of() : Arrays.asList(roots), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** TLS that trusts {@code roots}, without a client certificate. */
  public static ClientTls trusting(List<X509Certificate> roots) {
    return new ClientTls(roots, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The same, presenting {@code certificate} for mutual TLS. */
  public ClientTls withClientCertificate(X509Certificate certificate, PrivateKey key) {
    return new ClientTls(trustedRoots, Optional.ofNullable(certificate), Optional.ofNullable(key), serverName);
  }

  /** The same, expecting the server certificate to name {@code name} rather than the host dialled. */
  public ClientTls withServerName(String name) {
    return new ClientTls(trustedRoots, clientCertificate, clientKey, Optional.ofNullable(name));
  }

  @Override
  public String toString() {
    return "ClientTls[roots=" + trustedRoots.size() + ", mutual=" + clientCertificate.isPresent()
        + serverName.map(name -> ", serverName=" + name).orElse("") + "]";
  }
}
