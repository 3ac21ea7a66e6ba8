package io.chainwright.ethereum;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.ValidationException;
import io.chainwright.api.Violation;
import io.chainwright.api.Workload;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.ethereum.cl.ConsensusClient;
import io.chainwright.ethereum.common.StorageMode;
import io.chainwright.ethereum.el.ExecutionClient;
import io.chainwright.ethereum.el.ExecutionSpec;
import io.chainwright.ethereum.el.StateScheme;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** NAT address, cache, transaction index, state scheme and an ancient volume, each in its client's own spelling. */
class ExecutionTuningTest {
  private static ExecutionSpec.Builder spec(ExecutionClient client) {
    return ExecutionSpec.builder().client(client);
  }

  private static Workload execution(ExecutionSpec spec) {
    return NodeCompiler.execution(Nodes.mainnet(spec.client(), ConsensusClient.LIGHTHOUSE).execution(spec).build());
  }

  private static List<String> args(ExecutionSpec spec) {
    return execution(spec).containers().get(0).args();
  }

  @Test
  void gethTakesEverySetting() {
    assertThat(args(spec(ExecutionClient.GETH).natExternalIp("203.0.113.7").cacheMb(8192).txLookupLimit(0L)
        .stateScheme(StateScheme.PATH).ancientStorage("1500Gi").build()))
        .contains("--nat=extip:203.0.113.7", "--cache=8192", "--history.transactions=0", "--state.scheme=path",
            "--datadir.ancient=/ancient");
  }

  @Test
  void eachClientUsesItsOwnSpelling() {
    Map<ExecutionClient, List<String>> expected = Map.of(
        ExecutionClient.BESU, List.of("--nat-method=NONE", "--p2p-host=203.0.113.7", "--data-storage-format=FOREST"),
        ExecutionClient.NETHERMIND, List.of("--Network.ExternalIp=203.0.113.7", "--Receipt.TxLookupLimit=2350000",
            "--Init.StateDbKeyScheme=Hash"),
        ExecutionClient.ERIGON, List.of("--nat=extip:203.0.113.7"),
        ExecutionClient.RETH, List.of("--nat=extip:203.0.113.7", "--prune.transaction-lookup.distance=2350000",
            "--datadir.static-files=/ancient"));
    expected.forEach((client, flags) -> {
      ExecutionSpec.Builder s = spec(client).natExternalIp("203.0.113.7");
      if (client == ExecutionClient.NETHERMIND || client == ExecutionClient.RETH) {
        s.txLookupLimit(2_350_000L);
      }
      if (client == ExecutionClient.BESU || client == ExecutionClient.NETHERMIND) {
        s.stateScheme(StateScheme.HASH);
      }
      if (client == ExecutionClient.RETH) {
        s.ancientStorage("800Gi");
      }
      assertThat(args(s.build())).as(client.id()).containsAll(flags)
          .as("reth's deprecated prune alias").noneMatch(a -> a.startsWith("--prune.transactionlookup."));
    });
  }

  @Test
  void besuPicksItsStorageFormatFromTheSchemeBeforeTheMode() {
    assertThat(args(spec(ExecutionClient.BESU).build())).contains("--data-storage-format=BONSAI");
    EthereumNode archive = Nodes.mainnet(ExecutionClient.BESU, ConsensusClient.TEKU).mode(StorageMode.ARCHIVE).build();
    assertThat(NodeCompiler.execution(archive).containers().get(0).args()).contains("--data-storage-format=FOREST");
  }

  @Test
  void ancientDataGetsItsOwnCheaperVolume() {
    Workload geth = execution(spec(ExecutionClient.GETH).ancientStorage("1500Gi").ancientStorageClass("cold-hdd").build());
    DataVolume ancient = (DataVolume) geth.volume("ancient").orElseThrow();
    assertThat(ancient.size()).isEqualTo("1500Gi");
    assertThat(ancient.storageClass()).contains("cold-hdd");
    assertThat(geth.containers().get(0).mounts()).anySatisfy(m -> assertThat(m.path()).isEqualTo("/ancient"));
    Rendered.both(Nodes.mainnet(ExecutionClient.GETH, ConsensusClient.LIGHTHOUSE)
        .execution(spec(ExecutionClient.GETH).ancientStorage("1500Gi").ancientStorageClass("cold-hdd").build()).build()
        .addTo(io.chainwright.api.Network.builder().name("tiered"))
        .addStorageClass(io.chainwright.api.policy.StorageClass.existing("cold-hdd")).build());
  }

  @Test
  void settingsAClientHasNoFlagForAreRefusedNamingTheClient() {
    ValidationException e = Validation.refused(() -> spec(ExecutionClient.BESU).cacheMb(4096).txLookupLimit(100L)
        .ancientStorage("1Ti").build());
    assertThat(e.violations()).extracting(Violation::path)
        .containsExactly("execution.cacheMb", "execution.txLookupLimit", "execution.ancientStorage");
    assertThat(e.getMessage()).contains("besu has no flag for this");
  }

  @Test
  void badValuesAreReportedTogether() {
    ValidationException e = Validation.refused(() -> spec(ExecutionClient.GETH).natExternalIp("my-host")
        .cacheMb(1).txLookupLimit(-1L).ancientStorage("big").ancientStorageClass("Cold_HDD").build());
    assertThat(e.violations()).extracting(Violation::path).containsExactly("execution.natExternalIp",
        "execution.cacheMb", "execution.txLookupLimit", "execution.ancientStorage", "execution.ancientStorageClass");
  }
}
