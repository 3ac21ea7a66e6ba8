package io.chainwright.ethereum.devnet;

import io.chainwright.api.NodeCallException;
import io.chainwright.ethereum.client.ExecutionRpc;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Objects;

/**
 * The controls anvil adds to JSON-RPC for tests: snapshots to return to, time travel, mining on
 * demand and balances set at will. They change the chain without transactions, so they exist only
 * on development nodes.
 *
 * <pre>{@code
 * AnvilControl anvil = AnvilControl.of(rpc);
 * String clean = anvil.snapshot();
 * anvil.increaseTime(Duration.ofDays(7));
 * anvil.mine();
 * // ... the test ...
 * anvil.revert(clean);
 * }</pre>
 */
public final class AnvilControl {
  private final ExecutionRpc rpc;

  private AnvilControl(ExecutionRpc rpc) {
    this.rpc = rpc;
  }

  /** Controls for the anvil node {@code rpc} talks to. */
  public static AnvilControl of(ExecutionRpc rpc) {
    return new AnvilControl(Objects.requireNonNull(rpc, "rpc"));
  }

  /** Records the chain's state and returns the id to {@link #revert} to ({@code evm_snapshot}). */
  public String snapshot() {
    return String.valueOf(rpc.request("evm_snapshot"));
  }

  /**
   * Returns the chain to {@code snapshot} ({@code evm_revert}); the snapshot and every later one
   * are used up, so take a new one to return again. A snapshot anvil does not know is an error.
   */
  public void revert(String snapshot) {
    if (!Boolean.TRUE.equals(rpc.request("evm_revert", snapshot))) {
      throw new NodeCallException(rpc.endpoint().toString(), "evm_revert " + snapshot, null,
          "anvil has no snapshot " + snapshot + " (each can be reverted to once)");
    }
  }

  /** Moves the time of the next blocks forward by whole seconds ({@code evm_increaseTime}). */
  public void increaseTime(Duration by) {
    if (by.isNegative() || by.toNanosPart() != 0) {
      throw new IllegalArgumentException("time moves forward by whole seconds, not " + by);
    }
    rpc.request("evm_increaseTime", by.toSeconds());
  }

  /** Mines one block now ({@code evm_mine}). */
  public void mine() {
    rpc.request("evm_mine");
  }

  /** Sets the balance of {@code address} to {@code wei} ({@code anvil_setBalance}). */
  public void setBalance(String address, BigInteger wei) {
    if (wei.signum() < 0) {
      throw new IllegalArgumentException("a balance cannot be negative: " + wei);
    }
    rpc.request("anvil_setBalance", address, "0x" + wei.toString(16));
  }
}
