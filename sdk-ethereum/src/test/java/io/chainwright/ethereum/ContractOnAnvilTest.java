package io.chainwright.ethereum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.ChainwrightException;
import io.chainwright.api.Network;
import io.chainwright.api.ValidationException;
import io.chainwright.compose.TestTools;
import io.chainwright.compose.host.HostRuntime;
import io.chainwright.ethereum.client.ContractArtifact;
import io.chainwright.ethereum.client.DeployedContract;
import io.chainwright.ethereum.client.ExecutionRpc;
import io.chainwright.ethereum.client.TransactionSender;
import io.chainwright.ethereum.devnet.AnvilDevnet;
import io.chainwright.ethereum.junit.AnvilParameters;
import io.chainwright.junit.Devnet;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** The sample contract, deployed, called and transacted with on a real anvil that mines each transaction at once. */
@Devnet
@ExtendWith(AnvilParameters.class)
class ContractOnAnvilTest {
  static AnvilDevnet devnet = AnvilDevnet.builder().name("contracts").chainId(7070).accounts(2).build();
  static Network network = devnet.toNetwork();
  static HostRuntime runtime = HostRuntime.builder().binary("anvil", TestTools.anvil()).build();

  private static BigInteger count(ExecutionRpc rpc, String counter) {
    Function count = new Function("count", List.of(), List.of(new TypeReference<Uint256>() {}));
    return (BigInteger) rpc.call(counter, count).get(0).getValue();
  }

  @Test
  void theCounterIsDeployedCalledAndIncremented(ExecutionRpc rpc) {
    TransactionSender sender = rpc.sender(devnet.credentials(0));
    DeployedContract counter = sender.deploy(ContractArtifact.counter(), Duration.ofSeconds(30), new Uint256(41));

    assertThat(counter.address()).startsWith("0x").hasSize(42);
    assertThat(counter.block()).isPositive();
    assertThat(count(rpc, counter.address())).isEqualTo(BigInteger.valueOf(41));

    TransactionReceipt receipt = sender.transact(counter.address(), new Function("increment", List.of(), List.of()),
        Duration.ofSeconds(30));
    assertThat(receipt.getLogs()).as("the Incremented event").hasSize(1);
    assertThat(count(rpc, counter.address())).isEqualTo(BigInteger.valueOf(42));
  }

  @Test
  void aCallThatWouldRevertIsRefusedBeforeItIsSent(ExecutionRpc rpc) {
    TransactionSender sender = rpc.sender(devnet.credentials(1));
    DeployedContract counter = sender.deploy(ContractArtifact.counter(), Duration.ofSeconds(30), new Uint256(0));
    Function missing = new Function("decrement", List.of(), List.of());
    assertThatThrownBy(() -> sender.transact(counter.address(), missing, Duration.ofSeconds(30)))
        .isInstanceOf(ChainwrightException.class).hasMessageContaining("decrement").hasMessageContaining("would fail");
  }

  @Test
  void theSampleShipsItsSourceAndRefusesBrokenArtifacts() {
    assertThat(ContractArtifact.counterSource()).contains("contract Counter", "function increment()");
    assertThat(ContractArtifact.counter().abi()).contains("\"increment\"", "\"Incremented\"");
    assertThatThrownBy(() -> ContractArtifact.of("Broken", "[]", "0xabc"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("contracts[Broken].bytecode");
  }
}
