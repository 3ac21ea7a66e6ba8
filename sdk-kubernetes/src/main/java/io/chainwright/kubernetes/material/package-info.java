/** Material stores kept on the cluster: generated keys, certificates and passwords in Secrets. */
package io.chainwright.kubernetes.material;
