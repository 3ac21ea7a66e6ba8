/**
 * Health checks of a container: {@link io.chainwright.api.probe.Probe} with its check (HTTP, TCP,
 * exec, gRPC or a JSON-RPC call whose answer is matched) and timing.
 */
@ChainwrightStyle
package io.chainwright.api.probe;

import io.chainwright.api.ChainwrightStyle;
