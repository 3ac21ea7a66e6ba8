package io.chainwright.ethereum;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Network;
import io.chainwright.api.ValidationException;
import io.chainwright.compose.ComposeRenderer;
import io.chainwright.ethereum.besu.BesuNetwork;
import io.chainwright.ethereum.cl.ConsensusClient;
import io.chainwright.ethereum.common.PublicNetwork;
import io.chainwright.ethereum.el.ExecutionClient;
import io.chainwright.ethereum.el.ExecutionSpec;
import io.chainwright.ethereum.el.StateScheme;
import io.chainwright.ethereum.el.Tuning;
import io.chainwright.ethereum.loadbalancer.RpcLoadBalancer;
import io.chainwright.ethereum.validator.ValidatorClient;
import io.chainwright.ethereum.validator.ValidatorSpec;
import io.chainwright.ethereum.validator.Validators;
import io.chainwright.ethereum.validator.Web3Signer;
import io.chainwright.kubernetes.KubernetesBackend;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever goes into the validator, load balancer, Besu and tuning builders, the result either
 * builds and renders in both backends or fails with a {@link ValidationException}: never another throwable.
 */
class EthereumSpecPropertiesTest {
  private static final String KEY_A = "0x" + "a1".repeat(48);
  private static final String KEY_B = "0x" + "b2".repeat(48);

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.of("vc", "vc-a", "web3signer", "rpc-lb", "Bad_Name", "", "x".repeat(70), "a-", "consortium");
  }

  @Provide
  Arbitrary<String> keys() {
    return Arbitraries.of(KEY_A, KEY_B, "0xABC", "", KEY_A.toUpperCase());
  }

  @Provide
  Arbitrary<Integer> counts() {
    return Arbitraries.oneOf(Arbitraries.integers().between(-2, 6), Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 1000));
  }

  @Provide
  Arbitrary<String> uris() {
    return Arbitraries.of("http://node-lighthouse:5052", "https://beacon.example.org", "ftp://x", "http://a:8545/rpc", "http://b:1");
  }

  /** Builds, compiles and renders; a ValidationException is an acceptable answer, anything else fails the property. */
  private static void buildsOrIsRefused(Supplier<Network> build) {
    try {
      Network network = build.get();
      assertThat(ComposeRenderer.render(network).composeYaml()).isNotEmpty();
      assertThat(KubernetesBackend.create().render(network).yaml()).isNotEmpty();
    } catch (ValidationException refused) {
      assertThat(refused.violations()).isNotEmpty();
    }
  }

  @Property(tries = 300)
  void validatorSets(@ForAll("names") String client, @ForAll("names") String other, @ForAll("keys") String key,
      @ForAll("keys") String otherKey, @ForAll("counts") int replicas, @ForAll("uris") String beacon,
      @ForAll boolean signer, @ForAll ValidatorClient kind, @ForAll ValidatorClient otherKind, @ForAll boolean keystores) {
    buildsOrIsRefused(() -> {
      Validators.Builder set = Validators.builder().name("staking").network(PublicNetwork.HOODI);
      if (signer) {
        set.web3Signer(Web3Signer.builder().addPublicKeys(KEY_A, KEY_B).keystoreSecret("keys").replicas(Math.max(1, replicas % 4)).build());
      }
      ValidatorSpec.Builder first = ValidatorSpec.builder().name(client).client(kind).addPublicKeys(key)
          .addBeaconNodes(URI.create(beacon)).feeRecipient("0x" + "fe".repeat(20)).replicas(replicas);
      ValidatorSpec.Builder second = ValidatorSpec.builder().name(other).client(otherKind).addPublicKeys(otherKey)
          .addBeaconNodes(URI.create(beacon)).feeRecipient("0x" + "fe".repeat(20));
      if (keystores) {
        first.keystoreSecret("keys-a");
        second.keystoreSecret("keys-b");
      }
      return set.addClients(first.build(), second.build()).build().toNetwork();
    });
  }

  @Property(tries = 200)
  void loadBalancers(@ForAll("names") String name, @ForAll("uris") String upstream, @ForAll("uris") String another,
      @ForAll("counts") int rate, @ForAll("counts") int replicas) {
    buildsOrIsRefused(() -> RpcLoadBalancer.builder().name(name).addUpstreams(URI.create(upstream), URI.create(another))
        .rateLimitPerSecond(rate).replicas(replicas).build().addTo(Network.builder().name("pool")).build());
  }

  @Property(tries = 100)
  void besuNetworks(@ForAll("names") String name, @ForAll("counts") int validators, @ForAll("counts") int rpcNodes,
      @ForAll("counts") int period) {
    buildsOrIsRefused(() -> BesuNetwork.builder().name(name).chainId(2026).validators(validators).rpcNodes(rpcNodes)
        .blockPeriodSeconds(period).build().toNetwork());
  }

  @Property(tries = 200)
  void executionTuning(@ForAll ExecutionClient client, @ForAll("counts") int cache, @ForAll boolean ancient,
      @ForAll StateScheme scheme, @ForAll("names") String ip) {
    buildsOrIsRefused(() -> {
      ExecutionSpec.Builder spec = ExecutionSpec.builder().client(client).cacheMb(cache * 1024).stateScheme(scheme)
          .natExternalIp(ip.isEmpty() ? "203.0.113.9" : ip).txLookupLimit((long) cache);
      if (ancient) {
        spec.ancientStorage("500Gi");
      }
      return Nodes.mainnet(client, ConsensusClient.TEKU).execution(spec.build()).build().toNetwork();
    });
  }

  @Property(tries = 50)
  void everySupportedTuningOfEveryClientRenders(@ForAll ExecutionClient client) {
    List<Tuning> supported = List.copyOf(client.flags().tuning());
    ExecutionSpec.Builder spec = ExecutionSpec.builder().client(client);
    for (Tuning t : supported) {
      switch (t) {
        case NAT_EXTERNAL_IP -> spec.natExternalIp("203.0.113.9");
        case CACHE -> spec.cacheMb(4096);
        case TX_LOOKUP_LIMIT -> spec.txLookupLimit(100_000L);
        case ANCIENT_VOLUME -> spec.ancientStorage("500Gi");
        case STATE_SCHEME -> spec.stateScheme(StateScheme.PATH);
      }
    }
    Network network = Nodes.mainnet(client, ConsensusClient.TEKU).execution(spec.build()).build().toNetwork();
    Rendered.both(network);
  }
}
