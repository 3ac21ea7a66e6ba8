/** JMH benchmarks of the Kubernetes backend, each paired with a baseline measured in the same run. */
package io.chainwright.benchmarks;
