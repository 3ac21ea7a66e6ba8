package io.chainwright.api.tools;

import io.chainwright.api.Image;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A program a host devnet runs, as its domain module knows it: where its npm package puts the
 * binary, which folders under the user's home its own installer uses, how to ask its version, and
 * what to tell a user who has not installed it.
 *
 * @param program the binary's file name, e.g. {@code peer}
 * @param npmBinaries paths under a {@code node_modules} folder where npm packages put the binary
 *     for this machine's platform; empty when it has no npm package
 * @param homeFolders folders relative to the user's home that the program's own installer uses
 * @param versionArguments the arguments that make it print its version
 * @param installHint one sentence that says how to install it, with the version the SDK pins
 */
public record LocalTool(String program, List<String> npmBinaries, List<String> homeFolders, List<String> versionArguments,
    String installHint) {
  private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.]+)?)");

  public LocalTool {
    Objects.requireNonNull(program, "program");
    if (program.isBlank() || program.contains("/")) {
      throw new IllegalArgumentException("a program is a file name, not '" + program + "'");
    }
    npmBinaries = List.copyOf(npmBinaries);
    homeFolders = List.copyOf(homeFolders);
    versionArguments = List.copyOf(versionArguments);
    Objects.requireNonNull(installHint, "installHint");
  }

  /** A program with no npm package or installer folder, whose version is printed by {@code --version}. */
  public static LocalTool of(String program, String installHint) {
    return new LocalTool(program, List.of(), List.of(), List.of("--version"), installHint);
  }

  public LocalTool withNpmBinaries(String... paths) {
    return new LocalTool(program, List.of(paths), homeFolders, versionArguments, installHint);
  }

  public LocalTool withHomeFolders(String... folders) {
    return new LocalTool(program, npmBinaries, List.of(folders), versionArguments, installHint);
  }

  public LocalTool withVersionArguments(String... arguments) {
    return new LocalTool(program, npmBinaries, homeFolders, List.of(arguments), installHint);
  }

  /** The version an image's tag names, e.g. {@code 1.7.1} for {@code ghcr.io/foundry-rs/foundry:v1.7.1}. */
  public static Optional<String> versionNamedBy(Image image) {
    return image.tag().flatMap(LocalTool::versionIn);
  }

  /** The first semantic version ({@code 1.7.1}, {@code 2.5.10-rc1}) in what the program printed. */
  public static Optional<String> versionIn(String output) {
    Matcher m = VERSION.matcher(output);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * This machine's platform as npm packages and release archives name it, e.g. {@code linux-amd64}
   * or {@code darwin-arm64}.
   */
  public static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    String arch = System.getProperty("os.arch", "");
    String osPart = os.contains("mac") ? "darwin" : os.contains("win") ? "win32" : "linux";
    String archPart = arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "amd64";
    return osPart + "-" + archPart;
  }
}
