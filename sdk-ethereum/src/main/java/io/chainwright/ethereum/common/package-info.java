/**
 * What the execution and consensus layers of a node share: the chain it follows ({@link
 * io.chainwright.ethereum.common.PublicNetwork}, {@link io.chainwright.ethereum.common.CustomGenesis}), how
 * much history it keeps, who may call its RPC, the Engine API secret and the containers' file layout.
 */
@ChainwrightStyle
package io.chainwright.ethereum.common;

import io.chainwright.api.ChainwrightStyle;
