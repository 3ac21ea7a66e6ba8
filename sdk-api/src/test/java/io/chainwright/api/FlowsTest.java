package io.chainwright.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainwright.api.policy.Flows;
import io.chainwright.api.policy.GpuPolicy;
import io.chainwright.api.policy.IsolationPolicy;
import io.chainwright.api.policy.IsolationRule;
import io.chainwright.api.policy.MigLayout;
import io.chainwright.api.policy.MigStrategy;
import io.chainwright.api.policy.Reach;
import io.chainwright.api.policy.TrafficPeer;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The traffic a network needs, read from its model, and the namespaces left open by name. */
class FlowsTest {
  private static final Workload POSTGRES = Workload.builder().name("postgres").kind(WorkloadKind.STATEFUL)
      .addContainer(Container.builder().name("postgres").image(Image.of("postgres:16.6")).addPort(Port.tcp("postgres", 5432)).build())
      .build();

  private static Workload.Builder workload(String name, String... args) {
    return Workload.builder().name(name)
        .addContainer(Container.builder().name(name).image(Image.of("example/" + name + ":1")).addArgs(args)
            .addPort(Port.tcp("metrics", 9100)).build());
  }

  @Test
  void anAddressInTheConfigurationADeclaredReachAndAScrapeAreEachAllowedOnBothEnds() {
    Workload postgres = POSTGRES;
    // README: isolation
    Network network = Network.builder().name("indexer")
        .addWorkload(Workload.builder().name("indexer")
            .addContainer(Container.builder().name("indexer").image(Image.of("example/indexer:2.1"))
                .addArgs("--db=postgres:5432").build())
            .addReaches(Reach.url(URI.create("https://rpc.example.org")))   // that host, on 443
            .build())
        .addWorkload(postgres)
        .build();
    List<IsolationRule> flows = Flows.of(network);   // indexer -> postgres:5432, indexer -> rpc.example.org:443
    // README: end

    assertThat(flows).containsExactlyInAnyOrder(
        IsolationRule.allowOut("indexer", TrafficPeer.host("rpc.example.org"), "443"),
        IsolationRule.allowOut("indexer", TrafficPeer.workload("postgres"), "postgres"),
        IsolationRule.allowInto("postgres", TrafficPeer.workload("indexer"), "postgres"));
  }

  @Test
  void aReachOfAWorkloadByNumberIsNamedAndMetricsAreScrapedFromMonitoring() {
    Network network = Network.builder().name("n")
        .addWorkload(workload("app").addReaches(Reach.workload("postgres", "5432")).metrics(MetricsEndpoint.of("metrics", "/metrics")).build())
        .addWorkload(POSTGRES)
        .build();

    assertThat(Flows.of(network)).containsExactly(
        IsolationRule.allowOut("app", TrafficPeer.workload("postgres"), "postgres"),
        IsolationRule.allowInto("postgres", TrafficPeer.workload("app"), "postgres"),
        IsolationRule.allowInto("app", TrafficPeer.monitoring(), "metrics"));
  }

  @Test
  void anAddressOfAPortNoWorkloadServesOrOfAHostOutsideTheNetworkIsNoFlow() {
    Network network = Network.builder().name("n")
        .addWorkload(workload("app", "--db=postgres:6543", "--rpc=http://rpc.example.org:8545").build())
        .addWorkload(POSTGRES)
        .build();

    assertThat(Flows.of(network)).isEmpty();
  }

  @Test
  void aUrlIsAWorkloadAServiceOfAnotherNamespaceOrAnOutsidePort() {
    assertThat(Reach.url(URI.create("http://geth:8545"))).isEqualTo(Reach.workload("geth", "8545"));
    assertThat(Reach.url(URI.create("http://geth.l1.svc.cluster.local:8545"))).isEqualTo(Reach.namespace("l1", "8545"));
    assertThat(Reach.url(URI.create("https://RPC.example.org"))).isEqualTo(Reach.host("rpc.example.org", "443"));
    assertThat(Reach.url(URI.create("ws://10.0.0.7:8546"))).isEqualTo(Reach.outside("8546"));
    assertThat(Reach.url(URI.create("http://infura.io"))).as("two labels are a public name").isEqualTo(Reach.host("infura.io", "80"));
  }

  @Test
  void everyNamespaceDeniesByDefaultAndOnlyOneTheNetworkUsesCanBeLeftOpen() {
    Network plain = Network.builder().name("n").addWorkload(POSTGRES).build();
    assertThat(plain.isolation().deniesByDefault("n")).isTrue();

    ValidationException e = assertThrows(ValidationException.class, () -> Network.builder().name("n").addWorkload(POSTGRES)
        .isolation(IsolationPolicy.leaveOpen("m")).build());
    assertThat(e.violations()).extracting(Violation::toString)
        .containsExactly("isolation.openNamespaces[m]: the network uses no namespace 'm' (it uses [n])");
  }

  @Test
  void migLayoutsInTheGpuOperatorsNamespaceNeedItLeftOpenByName() {
    GpuPolicy mig = GpuPolicy.builder().migStrategy(MigStrategy.MIXED).addMigLayout(MigLayout.uniform("1g.10gb", 7)).build();
    ValidationException e = assertThrows(ValidationException.class, () -> Network.builder().name("n").addWorkload(POSTGRES)
        .gpu(mig).build());
    assertThat(e.violations()).extracting(Violation::toString).containsExactly("isolation.openNamespaces: open the GPU Operator's"
        + " namespace, where the MIG layouts go, by name: IsolationPolicy.leaveOpen(\"gpu-operator\"); default deny there would cut"
        + " the operator's own pods off from the API server");

    Network open = Network.builder().name("n").addWorkload(POSTGRES).gpu(mig).isolation(IsolationPolicy.leaveOpen("gpu-operator")).build();
    assertThat(open.isolation().deniesByDefault("n")).isTrue();
    assertThat(open.isolation().deniesByDefault("gpu-operator")).isFalse();
    assertThat(Network.builder().name("n").addWorkload(POSTGRES).gpu(GpuPolicy.builder().build()).build().gpu())
        .as("without MIG layouts the network places nothing in the operator's namespace").isPresent();
  }

  @Test
  void aReachOfAWorkloadOfAnotherNetworkInTheNamespaceGoesToTheNamespaceAndANamedPortOutsideIsRefused() {
    Network network = Network.builder().name("validators").addWorkload(workload("vc").addReaches(Reach.workload("beacon", "5052")).build())
        .build();
    assertThat(Flows.of(network)).containsExactly(IsolationRule.allowOut("vc", TrafficPeer.namespace("validators"), "5052"));

    ValidationException e = assertThrows(ValidationException.class, () -> Network.builder().name("n")
        .addWorkload(workload("app").addReaches(Reach.outside("https"), Reach.workload("postgres", "pg")).build()).addWorkload(POSTGRES)
        .build());
    assertThat(e.violations()).extracting(Violation::toString).containsExactly(
        "workloads[app].reaches[cidr 0.0.0.0/0].ports[https]: a reach of cidr 0.0.0.0/0 needs port numbers, not names",
        "workloads[app].reaches[workload postgres].ports[pg]: 'pg' is not a port of workload postgres");
  }

  @Test
  void aHostNameIsOnlyReachedNeverLetIn() {
    ValidationException e = assertThrows(ValidationException.class, () -> Network.builder().name("n").addWorkload(POSTGRES)
        .isolation(IsolationPolicy.denyAllExcept(IsolationRule.allowInto("postgres", TrafficPeer.host("admin.example.org"), "postgres")))
        .build());

    assertThat(e.violations()).extracting(Violation::toString)
        .containsExactly("isolation.rules[postgres].peer: a host name is only reached; let traffic in from an address range instead");
  }
}
