/**
 * JUnit 5 parameters for tests that run an {@link io.chainwright.ethereum.devnet.AnvilDevnet} with
 * {@code @Devnet}: a ready {@code Web3j}, an {@code ExecutionRpc} and funded {@code Credentials}.
 */
package io.chainwright.ethereum.junit;
