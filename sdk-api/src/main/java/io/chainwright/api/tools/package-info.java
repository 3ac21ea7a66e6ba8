/**
 * Finding the local programs that host devnets and tests run (a node binary, a peer, an orderer):
 * {@link io.chainwright.api.tools.LocalTools} looks in the places a user would put them, and says
 * exactly how to install one that is missing. Domain modules describe their programs as
 * {@link io.chainwright.api.tools.LocalTool}s through a {@link io.chainwright.api.tools.LocalToolCatalog}.
 * What a program accepts at a release: {@link io.chainwright.api.tools.FlagList}.
 */
package io.chainwright.api.tools;
