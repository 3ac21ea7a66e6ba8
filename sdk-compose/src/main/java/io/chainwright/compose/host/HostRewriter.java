package io.chainwright.compose.host;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rewrites a service's arguments, environment and config files for the host: container paths
 * become the service's folders, its declared port numbers become the loopback ports allocated for
 * them, {@code other-service:port} becomes {@code 127.0.0.1:allocated}, and {@code 0.0.0.0}
 * becomes {@code 127.0.0.1}, so nothing listens beyond this machine.
 *
 * <p>A port number is replaced wherever it stands as a whole token, so a model should not reuse
 * a port number for something else (say, a chain id) in the same command line.
 */
final class HostRewriter {
  private static final Pattern TOKENS = Pattern.compile(
      "(?<![\\w.-])(?:([a-z0-9][a-z0-9-]*):(\\d{1,5})|(0\\.0\\.0\\.0)|(\\d{1,5}))(?![\\w.])");

  private final Map<String, Map<Integer, Integer>> services;
  private final Map<Integer, Integer> own;
  private final Map<String, Path> mounts;
  /** Every mount path at once, longest first, so a path is rewritten by its deepest mount and only once; null without mounts. */
  private final Pattern mountPaths;

  /**
   * @param services every service name that owns ports, to its port numbers and their loopback ports
   * @param own this service's port numbers and their loopback ports
   * @param mounts this service's mount paths and the folders standing in for them
   */
  HostRewriter(Map<String, Map<Integer, Integer>> services, Map<Integer, Integer> own, Map<String, Path> mounts) {
    this.services = services;
    this.own = own;
    this.mounts = new LinkedHashMap<>();
    mounts.entrySet().stream()
        .sorted(Map.Entry.<String, Path>comparingByKey(Comparator.comparingInt(String::length)).reversed())
        .forEach(e -> this.mounts.put(e.getKey(), e.getValue()));
    String alternatives = this.mounts.keySet().stream().map(Pattern::quote).collect(Collectors.joining("|"));
    this.mountPaths = this.mounts.isEmpty() ? null
        : Pattern.compile("(?<![\\w.-])(" + alternatives + ")(?=$|[/\\s\"',;:=)\\]])");
  }

  String rewrite(String text) {
    return rewritePorts(rewritePaths(text));
  }

  /** The folder standing in for a container path, if the path lies under a mount. */
  String hostPath(String containerPath) {
    return rewritePaths(containerPath);
  }

  // One pass over the text: a path already rewritten to a host folder (say under /tmp) must not be
  // rewritten again by a mount whose container path it happens to start with.
  private String rewritePaths(String text) {
    if (mountPaths == null) {
      return text;
    }
    Matcher m = mountPaths.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(mounts.get(m.group(1)).toString()));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String rewritePorts(String text) {
    Matcher m = TOKENS.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(replacement(m)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String replacement(Matcher m) {
    if (m.group(1) != null) {
      Integer port = Integer.valueOf(m.group(2));
      Map<Integer, Integer> target = services.get(m.group(1));
      if (target != null && target.containsKey(port)) {
        return "127.0.0.1:" + target.get(port);
      }
      if ("localhost".equals(m.group(1)) && own.containsKey(port)) {
        return "localhost:" + own.get(port);
      }
      return m.group(0);
    }
    if (m.group(3) != null) {
      return "127.0.0.1";
    }
    Integer number = Integer.valueOf(m.group(4));
    return String.valueOf(own.getOrDefault(number, number));
  }
}
