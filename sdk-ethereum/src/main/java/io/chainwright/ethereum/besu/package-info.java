/**
 * Private Besu networks with QBFT consensus: {@link io.chainwright.ethereum.besu.BesuNetwork} and its
 * genesis.
 */
@ChainwrightStyle
package io.chainwright.ethereum.besu;

import io.chainwright.api.ChainwrightStyle;
