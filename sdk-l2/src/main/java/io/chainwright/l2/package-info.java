/**
 * Layer 2: OP Stack chains (op-geth, op-node, op-batcher, op-proposer), Arbitrum Nitro nodes,
 * zkSync Era and Polygon CDK, each compiled into platform-neutral workloads, and a client for
 * op-node's sync status.
 */
@ChainwrightStyle
package io.chainwright.l2;

import io.chainwright.api.ChainwrightStyle;
