/**
 * The host-process runtime: each Compose service runs as a local process on free loopback ports,
 * with no Docker engine and no cluster. It is the embedded default and how devnets run in tests.
 */
package io.chainwright.compose.host;
