package io.chainwright.ethereum.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Network;
import io.chainwright.compose.TestTools;
import io.chainwright.compose.host.HostRuntime;
import io.chainwright.ethereum.client.ExecutionRpc;
import io.chainwright.ethereum.devnet.AnvilDevnet;
import io.chainwright.junit.Devnet;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.tx.RawTransactionManager;

/** A @Devnet test gets a ready web3j and funded, distinct accounts of its anvil devnet. */
@Devnet
@ExtendWith(AnvilParameters.class)
class AnvilParametersTest {
  static AnvilDevnet anvil = AnvilDevnet.builder().chainId(31338).accounts(2).balanceEther(5).build();
  static Network network = anvil.toNetwork();
  static HostRuntime runtime = HostRuntime.builder().binary("anvil", TestTools.anvil()).build();

  @Test
  void aFundedAccountPaysAnotherThroughTheInjectedWeb3j(Web3j web3j, ExecutionRpc rpc, Credentials payer,
      @Account(1) Credentials payee) throws Exception {
    assertThat(payer.getAddress()).isNotEqualTo(payee.getAddress());
    BigInteger before = balance(web3j, payee);
    BigInteger amount = BigInteger.TEN.pow(18);

    RawTransactionManager signer = new RawTransactionManager(web3j, payer, anvil.chainId());
    EthSendTransaction sent = signer.sendTransaction(BigInteger.valueOf(2_000_000_000L), BigInteger.valueOf(21_000),
        payee.getAddress(), "", amount);

    assertThat(sent.hasError()).as("%s", sent.getError() == null ? "" : sent.getError().getMessage()).isFalse();
    // Mined at once, but the balance is only certain once the receipt is there.
    rpc.awaitReceipt(sent.getTransactionHash(), Duration.ofSeconds(10));
    assertThat(balance(web3j, payee)).isEqualTo(before.add(amount));
  }

  @Test
  void theTypedClientIsConnectedToTheSameDevnet(ExecutionRpc rpc, Web3j web3j) throws Exception {
    assertThat(rpc.web3j().ethChainId().send().getChainId()).isEqualTo(BigInteger.valueOf(31338));
    assertThat(balance(web3j, anvil.credentials(0))).isPositive();
  }

  private static BigInteger balance(Web3j web3j, Credentials account) throws Exception {
    return web3j.ethGetBalance(account.getAddress(), DefaultBlockParameterName.LATEST).send().getBalance();
  }
}
