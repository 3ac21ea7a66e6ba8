/**
 * Layer 2: OP Stack, Arbitrum Nitro, zkSync Era and Polygon CDK specs compiled into workloads. Not implemented yet.
 */
package io.chainwright.l2;
