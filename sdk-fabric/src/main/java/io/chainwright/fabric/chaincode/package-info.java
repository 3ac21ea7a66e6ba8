/**
 * Chaincode packaging: chaincode-as-a-service packages for Fabric's {@code _lifecycle}, and the
 * external builder a peer needs to launch them.
 */
@ChainwrightStyle
package io.chainwright.fabric.chaincode;

import io.chainwright.api.ChainwrightStyle;
