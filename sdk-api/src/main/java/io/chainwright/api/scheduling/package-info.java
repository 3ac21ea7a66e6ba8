/**
 * Where a workload's pods may run ({@link io.chainwright.api.scheduling.Scheduling}): node
 * selectors, tolerations, anti-affinity, spread across zones or nodes, and runtime classes.
 */
@ChainwrightStyle
package io.chainwright.api.scheduling;

import io.chainwright.api.ChainwrightStyle;
