/**
 * A bridge between two EVM chains run as a listener and an executor that share a Redis queue:
 * {@link io.chainwright.ethereum.bridge.Bridge}. The listener and executor are the platform's own
 * images; this package wires them to the chains, the queue and the signer key, and runs the queue.
 */
@ChainwrightStyle
package io.chainwright.ethereum.bridge;

import io.chainwright.api.ChainwrightStyle;
