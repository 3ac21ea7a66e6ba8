/**
 * Tenants of a shared platform: each owns networks of any chain, placed in namespaces of their own
 * with the quota of their plan, Pod Security {@code restricted}, default-deny isolation that lets in
 * only the platform's gateway and monitoring, and access for the tenant's administrators.
 */
@ChainwrightStyle
package io.chainwright.api.tenant;

import io.chainwright.api.ChainwrightStyle;
