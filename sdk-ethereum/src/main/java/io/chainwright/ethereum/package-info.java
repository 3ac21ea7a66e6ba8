/**
 * Ethereum: execution and consensus client specs compiled into workloads, validators, devnets and a web3j client. Not implemented yet.
 */
package io.chainwright.ethereum;
