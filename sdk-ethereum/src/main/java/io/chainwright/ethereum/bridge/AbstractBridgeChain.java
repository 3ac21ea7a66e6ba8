package io.chainwright.ethereum.bridge;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.net.URI;
import org.immutables.value.Value;

/**
 * One side of a {@link Bridge}: a chain's name, id and JSON-RPC address, e.g. an SDK node's
 * {@link io.chainwright.ethereum.EthereumNode#rpcUrl()}.
 */
@Value.Immutable
@JsonSerialize(as = BridgeChain.class)
@JsonDeserialize(as = BridgeChain.class)
abstract class AbstractBridgeChain {
  /** A short name the images are given ({@code BRIDGE_SOURCE_CHAIN}, {@code BRIDGE_DESTINATION_CHAIN}), e.g. {@code l1}. */
  @Value.Parameter
  public abstract String name();

  @Value.Parameter
  public abstract long chainId();

  @Value.Parameter
  public abstract URI rpcUrl();

  @Value.Check
  protected void validate() {
    Violations v = Violations.root();
    v.label("name", name());
    v.range("chainId", chainId(), 1, (1L << 53) - 1, "a chain id");
    if (v.require("rpcUrl", rpcUrl())) {
      String scheme = rpcUrl().getScheme();
      if (!"http".equals(scheme) && !"https".equals(scheme) || rpcUrl().getHost() == null) {
        v.add("rpcUrl", "give an http(s) address with a host, not " + rpcUrl());
      }
    }
    v.throwIfAny();
  }
}
