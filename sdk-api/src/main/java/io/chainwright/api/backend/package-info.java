/**
 * The backend SPI: how a platform renders a network, deploys it and hands back a
 * {@link io.chainwright.api.backend.Deployment}.
 */
package io.chainwright.api.backend;
