/** Pictures of a network, as Mermaid text. */
package io.chainwright.api.diagram;
