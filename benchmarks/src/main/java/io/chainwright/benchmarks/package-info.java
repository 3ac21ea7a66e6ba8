/** JMH benchmarks; {@link io.chainwright.benchmarks.RunBenchmarks} runs them and prints each ratio to its baseline. */
package io.chainwright.benchmarks;
