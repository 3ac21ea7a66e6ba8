package io.chainwright.ethereum.client;

import io.chainwright.api.NodeCallException;
import io.chainwright.api.TransactionRevertedException;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.RawTransactionManager;

/**
 * Signs transactions with one account, sends them through an {@link ExecutionRpc}, and waits for
 * their receipts the way {@link ExecutionRpc#awaitReceipt} does: at growing intervals from a few
 * milliseconds, never a fixed second.
 *
 * <pre>{@code
 * DeployedContract counter = rpc.sender(credentials).deploy(ContractArtifact.counter(), Duration.ofSeconds(30),
 *     new Uint256(41));
 * }</pre>
 */
public final class TransactionSender {
  /** Estimates are exact for the state they ran on; a little headroom absorbs changes before inclusion. */
  private static final int GAS_HEADROOM_PERCENT = 20;

  private final ExecutionRpc rpc;
  private final Credentials credentials;
  private RawTransactionManager manager;

  TransactionSender(ExecutionRpc rpc, Credentials credentials) {
    this.rpc = rpc;
    this.credentials = credentials;
  }

  /** The signing account's address. */
  public String address() {
    return credentials.getAddress();
  }

  /** Deploys {@code artifact} with ABI-encoded constructor arguments and waits for it to be mined. */
  public DeployedContract deploy(ContractArtifact artifact, Duration timeout, Type<?>... constructorArgs) {
    String data = artifact.bytecode() + FunctionEncoder.encodeConstructor(Arrays.asList(constructorArgs));
    TransactionReceipt receipt = send(null, data, BigInteger.ZERO, "deploy " + artifact.name(), timeout);
    if (receipt.getContractAddress() == null) {
      throw new NodeCallException(rpc.endpoint().toString(), "deploy " + artifact.name(), null,
          "transaction " + receipt.getTransactionHash() + " was mined without a contract address");
    }
    return new DeployedContract(receipt.getContractAddress(), receipt);
  }

  /** Calls {@code function} on the contract at {@code to} in a transaction and waits for it to be mined. */
  public TransactionReceipt transact(String to, Function function, Duration timeout) {
    return send(to, FunctionEncoder.encode(function), BigInteger.ZERO, function.getName() + " on " + to, timeout);
  }

  /** Sends {@code wei} to {@code to} (an account or a payable contract) and waits for it to be mined. */
  public TransactionReceipt transfer(String to, BigInteger wei, Duration timeout) {
    if (wei.signum() < 0) {
      throw new IllegalArgumentException("a transfer of " + wei + " wei: the value cannot be negative");
    }
    return send(Objects.requireNonNull(to, "to"), "", wei, "transfer of " + wei + " wei to " + to, timeout);
  }

  private TransactionReceipt send(String to, String data, BigInteger value, String what, Duration timeout) {
    Web3j web3j = rpc.web3j();
    try {
      BigInteger gasPrice = web3j.ethGasPrice().send().getGasPrice();
      BigInteger gas = estimate(web3j, to, data, value, what);
      EthSendTransaction sent = manager(web3j).sendTransaction(gasPrice, gas, to, data, value, to == null);
      if (sent.hasError()) {
        throw new NodeCallException(rpc.endpoint().toString(), what, sent.getError().getCode(), "refused: " + sent.getError().getMessage());
      }
      TransactionReceipt receipt = rpc.awaitReceipt(sent.getTransactionHash(), timeout);
      if (!receipt.isStatusOK()) {
        throw new TransactionRevertedException(what, receipt.getTransactionHash(), receipt.getBlockNumber().longValueExact(),
            receipt.getRevertReason());
      }
      return receipt;
    } catch (IOException e) {
      throw new NodeCallException(rpc.endpoint().toString(), what, null, String.valueOf(e.getMessage()), e);
    }
  }

  private BigInteger estimate(Web3j web3j, String to, String data, BigInteger value, String what) throws IOException {
    Transaction call = to == null
        ? Transaction.createContractTransaction(address(), null, null, data)
        : new Transaction(address(), null, null, null, to, value, data);
    EthEstimateGas estimate = web3j.ethEstimateGas(call).send();
    if (estimate.hasError()) {
      throw new NodeCallException(rpc.endpoint().toString(), what, estimate.getError().getCode(),
          "it would fail: " + estimate.getError().getMessage());
    }
    BigInteger gas = estimate.getAmountUsed();
    return gas.add(gas.multiply(BigInteger.valueOf(GAS_HEADROOM_PERCENT)).divide(BigInteger.valueOf(100)));
  }

  private RawTransactionManager manager(Web3j web3j) throws IOException {
    if (manager == null) {
      long chainId = web3j.ethChainId().send().getChainId().longValueExact();
      manager = new RawTransactionManager(web3j, credentials, chainId);
    }
    return manager;
  }
}
