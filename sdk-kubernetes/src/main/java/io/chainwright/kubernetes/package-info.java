/**
 * Kubernetes backend: renders a network as typed Kubernetes objects and applies, awaits and tears them down. Not implemented yet.
 */
package io.chainwright.kubernetes;
