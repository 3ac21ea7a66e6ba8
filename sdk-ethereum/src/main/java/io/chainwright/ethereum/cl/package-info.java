/**
 * The consensus layer: a {@link io.chainwright.ethereum.cl.ConsensusSpec} and each beacon node's
 * command-line dialect at its pinned version.
 */
@ChainwrightStyle
package io.chainwright.ethereum.cl;

import io.chainwright.api.ChainwrightStyle;
