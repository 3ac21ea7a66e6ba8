/**
 * Operating a deployed Fabric network on any backend: creating its channels, deploying chaincode,
 * and clients of its nodes, all reached through the deployment's endpoints.
 */
package io.chainwright.fabric.operations;
