/**
 * Channel configuration in Fabric's own protobuf messages: the genesis block of an application
 * channel ordered by etcdraft without a system channel, as {@code configtxgen} makes it, and the
 * signature policy DSL.
 */
package io.chainwright.fabric.channel;
