/**
 * Hyperledger Fabric: topology specs compiled into workloads, crypto material, channel genesis and admin clients. Not implemented yet.
 */
package io.chainwright.fabric;
