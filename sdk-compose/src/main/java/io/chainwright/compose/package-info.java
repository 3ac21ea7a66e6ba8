/**
 * The Compose backend: a network becomes one Compose project, run either by Docker
 * ({@link io.chainwright.compose.docker}) or as local processes ({@link io.chainwright.compose.host}).
 */
package io.chainwright.compose;
