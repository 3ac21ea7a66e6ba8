/**
 * Generated material that lasts: keys, certificates, tokens and passwords are made once, kept in a
 * {@link io.chainwright.api.material.MaterialStore} and read back, so that rendering an unchanged
 * network twice gives the same bytes.
 */
package io.chainwright.api.material;
