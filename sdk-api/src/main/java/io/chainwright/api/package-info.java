/**
 * The platform-neutral model: a {@link io.chainwright.api.Network} of {@link io.chainwright.api.Workload}s.
 *
 * <p>Domain modules compile chain-specific specs into this model; backends turn it into platform
 * objects. Every type is an immutable value with a builder, checked when it is built.
 */
@ChainwrightStyle
package io.chainwright.api;
