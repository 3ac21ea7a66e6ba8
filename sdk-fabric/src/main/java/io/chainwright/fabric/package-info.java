/**
 * Hyperledger Fabric: the topology of a network (orderer and peer organisations, channels,
 * chaincodes), checked as a whole before anything is generated from it.
 */
@ChainwrightStyle
package io.chainwright.fabric;

import io.chainwright.api.ChainwrightStyle;
