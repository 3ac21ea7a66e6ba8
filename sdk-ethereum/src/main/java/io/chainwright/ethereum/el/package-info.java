/**
 * The execution layer: an {@link io.chainwright.ethereum.el.ExecutionSpec} and each execution client's
 * command-line dialect at its pinned version.
 */
@ChainwrightStyle
package io.chainwright.ethereum.el;

import io.chainwright.api.ChainwrightStyle;
