/**
 * Rendering: pure functions from the platform-neutral model to typed fabric8 objects, in tiers,
 * and the YAML writer that prints them without noise.
 */
package io.chainwright.kubernetes.render;
