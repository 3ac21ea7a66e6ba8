/**
 * Ethereum: an {@link io.chainwright.ethereum.EthereumNode} pairs an execution client ({@code el}) with a
 * beacon node ({@code cl}) and compiles the pair into platform-neutral workloads. Beside it: validators,
 * private Besu networks, an RPC load balancer, anvil devnets and a web3j client that waits for sync and blocks.
 */
@ChainwrightStyle
package io.chainwright.ethereum;

import io.chainwright.api.ChainwrightStyle;
