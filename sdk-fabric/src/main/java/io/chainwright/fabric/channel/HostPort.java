package io.chainwright.fabric.channel;

import io.chainwright.api.UsageException;

/** A {@code host:port} address split in two, as consenters and anchor peers record it. */
record HostPort(String host, int port) {
  static HostPort parse(String address) {
    int colon = address.lastIndexOf(':');
    try {
      return new HostPort(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
    } catch (RuntimeException e) {
      throw new UsageException("'" + address + "' is not a host:port address");
    }
  }
}
