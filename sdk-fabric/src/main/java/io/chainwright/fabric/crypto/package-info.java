/**
 * Crypto material for a Fabric network, made in memory with BouncyCastle: what {@code cryptogen}
 * writes (a CA and TLS CA per org, signing and TLS identities per node and user, MSP folders with
 * NodeOUs), with every ECDSA signature in the low-S form Fabric requires.
 */
package io.chainwright.fabric.crypto;
