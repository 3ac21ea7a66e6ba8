/**
 * Probes of every node's APIs from outside, as a client sees them, by a Prometheus blackbox exporter:
 * {@link io.chainwright.ethereum.probes.NodeProbes}.
 */
package io.chainwright.ethereum.probes;
