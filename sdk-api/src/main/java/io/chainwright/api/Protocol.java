package io.chainwright.api;

/** The transport of a port. */
public enum Protocol {
  TCP,
  UDP
}
