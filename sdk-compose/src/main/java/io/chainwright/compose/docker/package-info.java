/** The Docker runtime: a rendered Compose project run by the {@code docker compose} CLI. */
package io.chainwright.compose.docker;
