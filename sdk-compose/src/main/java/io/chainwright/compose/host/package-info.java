/**
 * The host-process runtime: it runs the typed Compose project the Compose backend renders, each
 * service as a local process on free loopback ports, with no Docker engine and no cluster. It is
 * the embedded default and how devnets run in tests. Its parts: {@code HostPorts}
 * (port allocation), {@code HostMounts} (mount layout and files), {@code ServiceEnvironment},
 * {@code StartOrder}, {@code HostService} (supervision) and {@code LogCapture}.
 */
package io.chainwright.compose.host;
