package io.chainwright.ethereum.devnet;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Container;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Resources;
import io.chainwright.api.StandalonePart;
import io.chainwright.api.Violations;
import io.chainwright.api.Workload;
import io.chainwright.api.material.Materials;
import io.chainwright.api.probe.JsonRpcExpectation;
import io.chainwright.api.probe.Probe;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;

/**
 * A local development chain on Foundry's anvil, with prefunded accounts derived from a mnemonic.
 *
 * <p>It runs as a host process by default (no Docker needed), or as a container on either backend.
 * The mnemonic is test key material: it is hidden from {@code toString} but passed on anvil's
 * command line, so never use one that guards real funds.
 */
@Value.Immutable
@JsonSerialize(as = AnvilDevnet.class)
@JsonDeserialize(as = AnvilDevnet.class)
abstract class AbstractAnvilDevnet implements StandalonePart {
  /** anvil's own default mnemonic, known to every Foundry user; fine for tests, worthless for anything else. */
  public static final String TEST_MNEMONIC = "test test test test test test test test test test test junk";
  /** The port anvil listens on inside its container; host runs map it to a free port. */
  public static final int RPC_PORT = 8545;

  /** The workload's name. */
  @Value.Default
  public String name() {
    return "anvil";
  }

  @Value.Default
  public long chainId() {
    return 31337;
  }

  /** How many prefunded accounts to derive from the mnemonic. */
  @Value.Default
  public int accounts() {
    return 10;
  }

  @Value.Redacted
  @Value.Default
  public String mnemonic() {
    return TEST_MNEMONIC;
  }

  /** Each account's starting balance, in ether. */
  @Value.Default
  public long balanceEther() {
    return 10_000;
  }

  /** Mine a block at this interval (whole seconds); when absent, every transaction is mined at once. */
  public abstract Optional<Duration> blockTime();

  /**
   * A chain to fork: anvil starts from its state, fetched over this JSON-RPC endpoint as needed.
   * The URL goes on anvil's command line, so it shows in process lists: use an endpoint whose URL
   * holds no key you must keep.
   */
  @Value.Redacted
  public abstract Optional<URI> forkUrl();

  /** The block of {@link #forkUrl()} to fork at; the endpoint's latest block when absent. */
  public abstract Optional<Long> forkBlockNumber();

  @Value.Default
  public Image image() {
    return Image.of("ghcr.io/foundry-rs/foundry:v1.7.1");
  }

  /** The credentials of prefunded account {@code index}, derived like anvil does (BIP-44 m/44'/60'/0'/0/index). */
  public Credentials credentials(int index) {
    if (index < 0 || index >= accounts()) {
      throw new IllegalArgumentException("account " + index + " is not one of the " + accounts() + " prefunded accounts");
    }
    Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(mnemonic(), ""));
    int hardened = Bip32ECKeyPair.HARDENED_BIT;
    int[] path = {44 | hardened, 60 | hardened, hardened, 0, index};
    return Credentials.create(Bip32ECKeyPair.deriveKeyPair(master, path));
  }

  /** Each prefunded account's starting balance, in wei. */
  public BigInteger balanceWei() {
    return BigInteger.valueOf(balanceEther()).multiply(BigInteger.TEN.pow(18));
  }

  /** The anvil workload. */
  public Workload workload() {
    List<String> args = new ArrayList<>(List.of("--host", "0.0.0.0", "--port", String.valueOf(RPC_PORT),
        "--chain-id", String.valueOf(chainId()), "--accounts", String.valueOf(accounts()),
        "--balance", String.valueOf(balanceEther()), "--mnemonic", mnemonic()));
    blockTime().ifPresent(t -> args.addAll(List.of("--block-time", String.valueOf(t.toSeconds()))));
    forkUrl().ifPresent(url -> args.addAll(List.of("--fork-url", url.toString())));
    forkBlockNumber().ifPresent(block -> args.addAll(List.of("--fork-block-number", String.valueOf(block))));
    return Workload.builder().name(name())
        .addContainer(Container.builder().name(name()).image(image())
            .addCommand("anvil").args(args)
            .addPort(Port.tcp("rpc", RPC_PORT))
            .resources(Resources.of("250m", "2", "256Mi", "2Gi"))
            .readiness(Probe.jsonRpc("rpc", "eth_chainId",
                JsonRpcExpectation.equalTo("\"0x" + Long.toHexString(chainId()) + "\"")))
            .build())
        .build();
  }

  /** Adds the anvil workload to {@code network}. */
  @Override
  public Network.Builder addTo(Network.Builder network, Materials materials) {
    return network.addWorkload(workload());
  }


  @Value.Check
  protected void validate() {
    Violations v = Violations.root();
    v.label("name", name());
    v.range("chainId", chainId(), 1, (1L << 53) - 1, "a chain id");
    v.range("accounts", accounts(), 1, 1000, "an account count");
    v.range("balanceEther", balanceEther(), 0, Long.MAX_VALUE / 2, "a balance in ether");
    if (v.require("mnemonic", mnemonic()) && !MnemonicUtils.validateMnemonic(mnemonic())) {
      v.add("mnemonic", "is not a valid BIP-39 mnemonic");
    }
    blockTime().filter(t -> t.isNegative() || t.isZero() || t.toNanosPart() != 0)
        .ifPresent(t -> v.add("blockTime", t + " is not a whole number of seconds above zero"));
    v.require("image", image());
    forkUrl().filter(url -> !"http".equals(url.getScheme()) && !"https".equals(url.getScheme())
            && !"ws".equals(url.getScheme()) && !"wss".equals(url.getScheme()))
        .ifPresent(url -> v.add("forkUrl", "is not an http(s) or ws(s) JSON-RPC endpoint: " + url.getScheme()));
    forkBlockNumber().filter(block -> block < 0).ifPresent(block -> v.add("forkBlockNumber", block + " is not a block number"));
    if (forkBlockNumber().isPresent() && forkUrl().isEmpty()) {
      v.add("forkBlockNumber", "needs a forkUrl to fork from");
    }
    v.throwIfAny();
  }
}
