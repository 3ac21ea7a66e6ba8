package io.chainwright.ethereum.bridge;

import io.chainwright.ethereum.common.ContainerLayout;

/**
 * The bridge queue's {@code redis.conf}, for Redis 7.0. It holds no secret: the password is set by
 * an {@code include} of a file from the auth Secret. Every directive here was checked by running
 * Redis 7.0.15 on this file (see the live bridge test).
 */
final class RedisConf {
  static final int PORT = 6379;
  static final String CONF_DIR = "/etc/redis";
  static final String CONF_FILE = "redis.conf";
  static final String AUTH_DIR = "/secrets/redis";
  /** The Secret's key holding {@code requirepass <password>}, included by the configuration. */
  static final String AUTH_CONF = "auth.conf";
  /** The Secret's key holding the bare password, for clients. */
  static final String PASSWORD = "password";
  /** Below the container's memory limit, so that a full queue refuses writes before the kernel kills Redis. */
  static final String MAX_MEMORY = "384mb";
  static final String MEMORY_LIMIT = "512Mi";

  private RedisConf() {}

  static String render(Bridge bridge) {
    return String.join("\n",
        "# The queue between bridge " + bridge.name() + "'s listener and executor.",
        "# A write is on disk before Redis answers it (appendfsync always); snapshots are off, the",
        "# append-only file is the record; a full queue refuses writes rather than evict messages.",
        "bind " + ContainerLayout.ALL_INTERFACES,
        "port " + PORT,
        "protected-mode yes",
        "daemonize no",
        "logfile \"\"",
        "dir " + ContainerLayout.DATA_DIR,
        "appendonly yes",
        "appendfsync always",
        "save \"\"",
        "maxmemory " + MAX_MEMORY,
        "maxmemory-policy noeviction",
        "include " + AUTH_DIR + "/" + AUTH_CONF,
        "");
  }
}
