/**
 * A JUnit 5 extension that runs a network for a test class: {@link io.chainwright.junit.Devnet} on
 * the class, one static {@link io.chainwright.api.Network} field, and parameters for what the tests need.
 */
package io.chainwright.junit;
