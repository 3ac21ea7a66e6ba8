package io.chainwright.fabric.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.Network;
import io.chainwright.api.policy.MonitoringPolicy;
import io.chainwright.compose.Promtool;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.Networks;
import io.chainwright.fabric.crypto.CertificateExpiry;
import io.chainwright.fabric.crypto.NetworkCrypto;
import io.chainwright.kubernetes.KubernetesBackend;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The expiry alert as the Kubernetes backend renders it, checked and evaluated by Prometheus's own promtool. */
class CertificateAlertsTest {
  private static final FabricNetwork FABRIC = Networks.twoOrgs();
  private static final Duration WARN = Duration.ofDays(30);
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  @Test
  void theRenderedRuleFiresForEachCertificateWithinTheWarningAndNoEarlier(@TempDir Path dir) throws Exception {
    NetworkCrypto crypto = NetworkCrypto.generate(FABRIC);
    Network compiled = FabricWorkloads.toNetwork(FABRIC, crypto); // issues the CA servers' TLS certificates too
    Network monitored = Network.builder().from(compiled)
        .monitoring(MonitoringPolicy.builder().addAlerts(CertificateAlerts.expiring(crypto, WARN)).build()).build();
    PrometheusRule rule = KubernetesBackend.create().render(monitored).objects().stream()
        .filter(PrometheusRule.class::isInstance).map(PrometheusRule.class::cast).findFirst().orElseThrow();
    Promtool promtool = Promtool.checked(dir, SERIALIZATION.asYaml(rule.getSpec()));
    Rule alert = rule.getSpec().getGroups().get(0).getRules().get(0);
    List<CertificateExpiry> certificates = crypto.certificates();
    assertThat(certificates).extracting(CertificateExpiry::owner).contains("org1-ca", "ord-tlsca", "peer1.org1.example.com");

    long soonest = certificates.get(0).notAfter().getEpochSecond();
    long tenDaysBefore = soonest - Duration.ofDays(10).toSeconds();
    long fortyDaysBefore = soonest - Duration.ofDays(40).toSeconds();
    // Rules are evaluated from time 0 up to the latest instant under test: large steps keep that quick.
    promtool.passes("10000d", Map.of("interval", "10000d", "input_series", List.of(), "promql_expr_test", List.of(
        expectation(alert.getExpr().getStrVal(), tenDaysBefore, certificates),
        expectation(alert.getExpr().getStrVal(), fortyDaysBefore, certificates))));
  }

  @Test
  void aWarningThatIsNotAheadIsRefused() {
    NetworkCrypto crypto = NetworkCrypto.generate(FABRIC);

    assertThatThrownBy(() -> CertificateAlerts.expiring(crypto, Duration.ZERO)).hasMessageContaining("warnBefore");
  }

  /** What the expression gives at {@code at}: one series per certificate with less than the warning left, valued its seconds left. */
  private static Map<String, Object> expectation(String expression, long at, List<CertificateExpiry> certificates) {
    List<Map<String, Object>> samples = new ArrayList<>();
    for (CertificateExpiry c : certificates) {
      long left = c.notAfter().getEpochSecond() - at;
      if (left < WARN.toSeconds()) {
        samples.add(Map.of("labels", "{" + CertificateAlerts.LABEL + "=\"" + c.key().path() + "\"}", "value", left));
      }
    }
    Map<String, Object> test = new LinkedHashMap<>();
    test.put("expr", expression);
    test.put("eval_time", at + "s");
    test.put("exp_samples", samples);
    return test;
  }
}
