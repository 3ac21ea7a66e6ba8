/**
 * A Fabric network that runs and is ready to use: deployed, its channels created and joined, and
 * chaincodes deployed through the lifecycle on request.
 */
package io.chainwright.fabric.devnet;
