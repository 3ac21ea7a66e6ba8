/**
 * Kubernetes backend: renders a network as typed fabric8 objects and YAML, and applies, awaits,
 * prunes and tears them down on a cluster. Start with {@link io.chainwright.kubernetes.KubernetesBackend}.
 */
package io.chainwright.kubernetes;
