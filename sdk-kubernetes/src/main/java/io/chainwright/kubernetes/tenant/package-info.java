/** Day-2 operations on a platform's tenants in a Kubernetes cluster: onboard, suspend, resume, offboard, quota use. */
package io.chainwright.kubernetes.tenant;
