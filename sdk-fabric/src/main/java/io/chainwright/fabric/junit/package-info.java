/** JUnit 5 support: a real Fabric devnet per test class, and its clients as test parameters. */
package io.chainwright.fabric.junit;
