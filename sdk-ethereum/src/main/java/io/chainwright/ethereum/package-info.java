/**
 * Ethereum: execution and consensus client specs compiled into platform-neutral workloads, anvil
 * devnets, and a web3j client that waits for sync and blocks.
 */
@ChainwrightStyle
package io.chainwright.ethereum;

import io.chainwright.api.ChainwrightStyle;
