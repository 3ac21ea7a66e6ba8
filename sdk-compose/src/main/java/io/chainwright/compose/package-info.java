/**
 * Compose backend: renders a network as a Compose project and runs it with Docker or as host processes. Not implemented yet.
 */
package io.chainwright.compose;
