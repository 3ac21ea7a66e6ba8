/**
 * Network-wide policies: storage classes, isolation, secret delivery, monitoring, backups,
 * tenancy quotas and autoscaling.
 */
@ChainwrightStyle
package io.chainwright.api.policy;

import io.chainwright.api.ChainwrightStyle;
