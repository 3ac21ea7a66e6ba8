package io.chainwright.ethereum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.ValidationException;
import io.chainwright.api.Violation;
import io.chainwright.api.Workload;
import io.chainwright.ethereum.devnet.AnvilDevnet;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The devnet spec becomes the anvil command line it describes, and refuses what anvil would not accept. */
class AnvilDevnetTest {
  @Test
  void compilesIntoAnAnvilWorkloadReadyOnItsChainId() {
    Workload w = AnvilDevnet.builder().chainId(1337).accounts(3).balanceEther(50).blockTime(Duration.ofSeconds(2)).build()
        .workload();
    var container = w.containers().get(0);
    assertThat(container.command()).containsExactly("anvil");
    assertThat(String.join(" ", container.args())).contains("--chain-id 1337", "--accounts 3", "--balance 50",
        "--block-time 2", "--port 8545");
    assertThat(container.readiness().orElseThrow().check().toString()).contains("eth_chainId", "0x539");
  }

  @Test
  void withoutABlockTimeEveryTransactionIsMinedAtOnce() {
    assertThat(AnvilDevnet.builder().build().workload().containers().get(0).args()).doesNotContain("--block-time");
  }

  @Test
  void derivesTheSameAccountsAsAnvil() {
    // anvil prints this address as account (0) for its default mnemonic.
    assertThat(AnvilDevnet.builder().build().credentials(0).getAddress())
        .isEqualToIgnoringCase("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    assertThat(AnvilDevnet.builder().build().credentials(1).getAddress())
        .isEqualToIgnoringCase("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
  }

  @Test
  void theMnemonicStaysOutOfToString() {
    assertThat(AnvilDevnet.builder().build().toString()).doesNotContain("junk");
  }

  @Test
  void refusesWhatAnvilCannotRun() {
    assertThatThrownBy(() -> AnvilDevnet.builder().chainId(0).accounts(0).mnemonic("not a mnemonic")
        .blockTime(Duration.ofMillis(500)).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).extracting(Violation::path)
            .containsExactlyInAnyOrder("chainId", "accounts", "mnemonic", "blockTime"))
        .hasMessageNotContaining("not a mnemonic");
  }

  @Test
  void onlyPrefundedAccountsHaveCredentials() {
    assertThatThrownBy(() -> AnvilDevnet.builder().accounts(2).build().credentials(2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 prefunded accounts");
  }
}
