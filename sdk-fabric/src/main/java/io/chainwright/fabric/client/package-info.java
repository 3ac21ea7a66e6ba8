/**
 * Typed clients for a running Fabric network: the orderer's channel participation API, a peer's
 * admin calls (join, install), the chaincode lifecycle, and transactions through the Gateway.
 *
 * <p>Every client takes plain inputs (an {@link io.chainwright.fabric.client.FabricIdentity}, a
 * {@link io.chainwright.fabric.client.ClientTls}, an {@link io.chainwright.fabric.client.Endpoint}),
 * bounds every call by a timeout, always verifies the server's TLS certificate, and reports failures
 * as {@link io.chainwright.api.PlatformException}s naming the node and the operation.
 */
package io.chainwright.fabric.client;
