/**
 * Zero-knowledge provers: GPU prover specs, MIG and proof-service autoscaling compiled into workloads. Not implemented yet.
 */
package io.chainwright.zk;
