package io.chainwright.fabric.compile;

import io.chainwright.api.policy.AlertRule;
import io.chainwright.api.policy.AlertSeverity;
import io.chainwright.fabric.crypto.CertificateExpiry;
import io.chainwright.fabric.crypto.NetworkCrypto;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An alert that pages before a network's certificates expire. Fabric exports no expiry metric, so
 * the rule carries each kept certificate's expiry itself: one labelled series per certificate,
 * whose value is the seconds it has left. Render the network again after a renewal, and the rule
 * follows the new dates.
 *
 * <pre>{@code
 * MonitoringPolicy.builder().addAlerts(CertificateAlerts.expiring(crypto, Duration.ofDays(30))).build();
 * }</pre>
 */
public final class CertificateAlerts {
  public static final String NAME = "FabricCertificateExpiring";
  /** The series label naming the certificate: its key in the material store, e.g. {@code trade/peer0.org1.example.com/tls.pem}. */
  public static final String LABEL = "certificate";

  private CertificateAlerts() {}

  /**
   * Fires for each certificate kept for {@code crypto}'s network (CAs, nodes, users, and the servers
   * its workloads were compiled with) once it has less than {@code warnBefore} left.
   */
  public static AlertRule expiring(NetworkCrypto crypto, Duration warnBefore) {
    if (warnBefore.isNegative() || warnBefore.isZero()) {
      throw new IllegalArgumentException("warnBefore must be positive, not " + warnBefore);
    }
    return AlertRule.builder()
        .name(NAME)
        .expression(expression(crypto.certificates(), warnBefore))
        .forDuration("1m")
        .severity(AlertSeverity.WARNING)
        .summary("Certificate {{ $labels." + LABEL + " }} expires in {{ $value | humanizeDuration }}; renew it from its CA")
        .build();
  }

  private static String expression(List<CertificateExpiry> certificates, Duration warnBefore) {
    if (certificates.isEmpty()) {
      return "vector(0) > 1"; // nothing kept, nothing can expire: a valid rule that never fires
    }
    // label_replace on an absent source label sets the label outright; "or" keeps every labelled series.
    String series = certificates.stream()
        .map(c -> "label_replace(vector(" + c.notAfter().getEpochSecond() + "), \"" + LABEL + "\", \"" + c.key().path() + "\", \"\", \"\")")
        .collect(Collectors.joining(" or "));
    return "(" + series + ") - time() < " + warnBefore.toSeconds();
  }
}
