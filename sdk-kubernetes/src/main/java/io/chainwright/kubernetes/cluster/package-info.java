/**
 * Talking to a cluster: applying rendered objects tier by tier, waiting for readiness, pruning,
 * tearing down, port-forwarding, and retrying the failures a busy API server produces.
 */
package io.chainwright.kubernetes.cluster;
