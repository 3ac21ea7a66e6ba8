package io.chainwright.api.tools;

import java.util.List;

/**
 * The programs a domain module's host devnets run; found with {@link java.util.ServiceLoader}, so
 * {@link LocalTools} knows every program of the modules on the class path without naming them.
 */
public interface LocalToolCatalog {
  List<LocalTool> tools();
}
