/** How Chainwright writes YAML that every reader takes as meant: {@link io.chainwright.api.yaml.StrictQuoting}. */
package io.chainwright.api.yaml;
