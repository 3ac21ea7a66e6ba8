package io.chainwright.compose.host;

import io.chainwright.api.Image;
import io.chainwright.api.PlatformException;
import io.chainwright.api.tools.LocalTool;
import io.chainwright.api.tools.LocalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the local binary that stands in for a service's image: an explicit mapping (by image
 * repository or program name) first, then wherever {@link LocalTools} looks. The program is the
 * container's command, or the image's last path segment. It also says which version of a binary
 * runs, and warns when that is not the version the image's tag names.
 */
final class BinaryResolver {
  private static final Logger LOG = LoggerFactory.getLogger(BinaryResolver.class);

  private final Map<String, Path> mapping;
  private final LocalTools tools;
  private final Map<Path, Optional<String>> versions = new ConcurrentHashMap<>();

  BinaryResolver(Map<String, Path> mapping, LocalTools tools) {
    this.mapping = Map.copyOf(mapping);
    this.tools = tools;
  }

  /** The program a service runs: its entrypoint's first word, or its image's name. */
  static String program(Image image, List<String> entrypoint) {
    if (!entrypoint.isEmpty()) {
      return Path.of(entrypoint.get(0)).getFileName().toString();
    }
    String repository = image.repository();
    return repository.substring(repository.lastIndexOf('/') + 1);
  }

  Path resolve(String service, Image image, List<String> entrypoint) {
    String program = program(image, entrypoint);
    String repository = image.repository();
    Optional<Path> mapped = Optional.ofNullable(mapping.get(repository)).or(() -> Optional.ofNullable(mapping.get(program)));
    if (mapped.isPresent()) {
      if (!Files.isExecutable(mapped.get())) {
        throw new PlatformException("start", "service " + service, "the binary mapped for " + image + " is not executable: " + mapped.get());
      }
      return mapped.get();
    }
    return tools.find(program).orElseThrow(() -> new PlatformException("start", "service " + service,
        "no binary for image " + image + " (program '" + program + "'): map one with HostRuntime.builder().binary(\""
            + repository + "\", path), or install it. " + tools.notFound(program).getMessage()));
  }

  /**
   * The version {@code binary} reports (asked once per binary), logged with the service; a warning
   * when the image's tag names another version, since the model then describes a node that is not
   * the one running. Only programs a tool catalog knows are asked: another program might not
   * understand the question and start instead.
   */
  Optional<String> version(String service, Image image, Path binary) {
    if (tools.tool(binary.getFileName().toString()).isEmpty()) {
      return Optional.empty();
    }
    Optional<String> version = versions.computeIfAbsent(binary, tools::version);
    Optional<String> tagged = LocalTool.versionNamedBy(image);
    if (version.isEmpty()) {
      LOG.debug("{} runs {}, which printed no version", service, binary);
    } else if (tagged.isPresent() && !tagged.equals(version)) {
      LOG.warn("{} runs {} version {}, but its image {} names {}: the model and what runs differ", service, binary,
          version.get(), image, tagged.get());
    } else {
      LOG.info("{} runs {} version {}", service, binary, version.get());
    }
    return version;
  }
}
