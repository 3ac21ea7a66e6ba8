/**
 * How far a port reaches ({@link io.chainwright.api.exposure.Exposure}): inside the network, a node
 * port, a load balancer, a Gateway API route or an ingress of a named controller.
 */
@ChainwrightStyle
package io.chainwright.api.exposure;

import io.chainwright.api.ChainwrightStyle;
