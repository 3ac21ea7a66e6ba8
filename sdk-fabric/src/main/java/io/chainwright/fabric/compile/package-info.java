/**
 * Compiles a {@link io.chainwright.fabric.FabricNetwork} and its crypto material into the
 * platform-neutral model: orderer, peer, CA and chaincode workloads, their secrets, and the
 * isolation rules between them.
 */
package io.chainwright.fabric.compile;
