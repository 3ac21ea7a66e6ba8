/**
 * The typed Compose project: what the Compose backend renders, what {@link io.chainwright.compose.spec.ComposeYaml}
 * writes as {@code compose.yaml}, and what both runtimes run. Only the part of the Compose
 * specification that Compose v1.29 and v2 both accept is modelled.
 */
package io.chainwright.compose.spec;
