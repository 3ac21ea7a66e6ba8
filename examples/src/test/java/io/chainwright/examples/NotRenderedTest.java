package io.chainwright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Container;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Resources;
import io.chainwright.api.Sgx;
import io.chainwright.api.Workload;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.compose.NotRendered;
import org.junit.jupiter.api.Test;

/** What the Compose project of an example leaves out is said, not dropped. */
class NotRenderedTest {
  @Test
  void composeSaysItLeavesOutMonitoringStorageClassesAndIsolationRules() {
    Network node = EthereumNodeExample.network(MaterialStore.inMemory());
    Network edge = RpcEdgeExample.network();

    assertThat(NotRendered.in(edge)).anySatisfy(line -> assertThat(line).startsWith("isolation rules: Compose has no network policies"));
    assertThat(NotRendered.in(node))
        .anySatisfy(line -> assertThat(line).startsWith("monitoring: no Prometheus runs; scrape targets and alert rules are written to prometheus/prometheus.yml"))
        .anySatisfy(line -> assertThat(line).startsWith("storage classes [").endsWith("volumes use the engine's local driver"));
  }

  @Test
  void aTenantsNetworkSaysComposeHasNoQuotaRolesGatewayOrGatewayPolicies() {
    Network tenant = BaasExample.networks(MaterialStore.inMemory()).get(0);
    Network pool = RpcPoolExample.network(MaterialStore.inMemory());

    assertThat(NotRendered.in(tenant))
        .anySatisfy(line -> assertThat(line).startsWith("tenant quota: no resource quota or limits"))
        .anySatisfy(line -> assertThat(line).startsWith("access for [acme-admins]: Compose has no roles"))
        .anySatisfy(line -> assertThat(line).startsWith("API keys and rate limits of the gateway routes of [rpc-lb]: no gateway runs"));
    assertThat(NotRendered.in(pool)).anySatisfy(line -> assertThat(line).startsWith("gateways [edge]: no gateway runs"));
  }

  @Test
  void anEnclaveSaysComposeHasNoSgxDevicePlugin() {
    Network enclave = Network.builder().name("tee").addWorkload(Workload.builder().name("signer")
        .addContainer(Container.builder().name("signer").image(Image.of("ghcr.io/example/enclave-signer:1.0"))
            .resources(Resources.builder().sgx(Sgx.builder().epc("64Mi").build()).build()).build()).build()).build();

    assertThat(NotRendered.in(enclave)).anySatisfy(line -> assertThat(line)
        .startsWith("SGX enclave resources of [signer]: a Kubernetes device plugin's"));
  }

  @Test
  void aPlainDevnetLosesNothing() {
    assertThat(NotRendered.in(DevnetExample.network())).isEmpty();
  }
}
