package io.chainwright.api.tools;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

/**
 * Finds the programs host devnets run, looking where a user would put them, in this order:
 * <ol>
 *   <li>the variable {@code CHAINWRIGHT_BIN_<PROGRAM>} (e.g. {@code CHAINWRIGHT_BIN_PEER}), naming the binary;
 *   <li>the tools folders named by the system property {@code chainwright.toolsDir} or the variable
 *       {@code CHAINWRIGHT_TOOLS_DIR} (path lists): {@code <dir>/<program>}, {@code <dir>/bin/<program>},
 *       and the program's npm binary under {@code <dir>/node_modules};
 *   <li>{@code PATH};
 *   <li>the program's npm binary in a {@code node_modules} folder of the working directory or one
 *       above it, or in {@code sdk-compose/node_modules} there (where this SDK's build installs its
 *       test tools);
 *   <li>the folders under the user's home that the program's own installer uses.
 * </ol>
 * What a program's npm package and installer are comes from the {@link LocalToolCatalog}s on the
 * class path. When nothing is found, {@link #locate} lists every place it looked and how to install
 * the program.
 *
 * <pre>{@code
 * Path peer = LocalTools.system().locate("peer");
 * }</pre>
 */
public final class LocalTools {
  /** The system property naming tools folders. */
  public static final String TOOLS_DIR_PROPERTY = "chainwright.toolsDir";
  /** The environment variable naming tools folders. */
  public static final String TOOLS_DIR_VARIABLE = "CHAINWRIGHT_TOOLS_DIR";

  private final Map<String, String> environment;
  private final List<Path> toolsFolders;
  private final Path workingDir;
  private final Path home;
  private final Map<String, LocalTool> catalog;

  LocalTools(Map<String, String> environment, List<Path> toolsFolders, Path workingDir, Path home, List<LocalTool> tools) {
    this.environment = Map.copyOf(environment);
    this.toolsFolders = List.copyOf(toolsFolders);
    this.workingDir = workingDir.toAbsolutePath().normalize();
    this.home = home;
    Map<String, LocalTool> byProgram = new LinkedHashMap<>();
    tools.forEach(t -> byProgram.putIfAbsent(t.program(), t));
    this.catalog = Map.copyOf(byProgram);
  }

  /** Looks with this JVM's environment, system properties, working directory and the catalogs on the class path. */
  public static LocalTools system() {
    return of(System.getenv());
  }

  /** Looks as {@link #system()} does, with {@code environment} in place of this JVM's environment. */
  public static LocalTools of(Map<String, String> environment) {
    List<Path> folders = new ArrayList<>();
    Optional.ofNullable(System.getProperty(TOOLS_DIR_PROPERTY)).ifPresent(v -> folders.addAll(paths(v)));
    Optional.ofNullable(environment.get(TOOLS_DIR_VARIABLE)).ifPresent(v -> folders.addAll(paths(v)));
    List<LocalTool> tools = new ArrayList<>();
    ServiceLoader.load(LocalToolCatalog.class, LocalTools.class.getClassLoader()).forEach(c -> tools.addAll(c.tools()));
    return new LocalTools(environment, folders, Path.of(System.getProperty("user.dir")),
        Path.of(System.getProperty("user.home")), tools);
  }

  /** The variable that may name {@code program}'s binary. */
  public static String variable(String program) {
    return "CHAINWRIGHT_BIN_" + program.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  /** What a catalog says about {@code program}, if any catalog knows it. */
  public Optional<LocalTool> tool(String program) {
    return Optional.ofNullable(catalog.get(program));
  }

  /** The first executable among {@link #candidates}. */
  public Optional<Path> find(String program) {
    return candidates(program).stream().filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
  }

  /** The program's binary, or a {@link ToolNotFoundException} listing where it looked and how to install it. */
  public Path locate(String program) {
    return find(program).orElseThrow(() -> notFound(program));
  }

  /** The exception {@link #locate} throws for {@code program}, for callers that looked elsewhere first. */
  public ToolNotFoundException notFound(String program) {
    String hint = tool(program).map(LocalTool::installHint).orElse("Install " + program + ".");
    return new ToolNotFoundException(program, candidates(program), hint + " Or set " + variable(program)
        + " to its path, put it on PATH, or put it in a folder named by -D" + TOOLS_DIR_PROPERTY + " or " + TOOLS_DIR_VARIABLE + ".");
  }

  /** Every path {@link #find} checks for {@code program}, in order. */
  public List<Path> candidates(String program) {
    List<String> npm = tool(program).map(LocalTool::npmBinaries).orElse(List.of());
    List<Path> out = new ArrayList<>();
    Optional.ofNullable(environment.get(variable(program))).filter(v -> !v.isBlank()).map(Path::of).ifPresent(out::add);
    for (Path dir : toolsFolders) {
      out.add(dir.resolve(program));
      out.add(dir.resolve("bin").resolve(program));
      npm.forEach(n -> out.add(dir.resolve("node_modules").resolve(n)));
    }
    paths(environment.getOrDefault("PATH", "")).forEach(dir -> out.add(dir.resolve(program)));
    if (!npm.isEmpty()) {
      for (Path dir = workingDir; dir != null; dir = dir.getParent()) {
        for (String n : npm) {
          out.add(dir.resolve("node_modules").resolve(n));
          out.add(dir.resolve("sdk-compose").resolve("node_modules").resolve(n));
        }
      }
    }
    tool(program).map(LocalTool::homeFolders).orElse(List.of()).forEach(f -> out.add(home.resolve(f).resolve(program)));
    return out.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
  }

  /**
   * The version {@code binary} reports when asked the way its catalog entry says ({@code --version}
   * for programs no catalog knows); empty when it prints none within ten seconds.
   */
  public Optional<String> version(Path binary) {
    String program = binary.getFileName().toString();
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(tool(program).map(LocalTool::versionArguments).orElse(List.of("--version")));
    Path output = null;
    try {
      // Output goes to a file, so a program that never closes its output cannot block the read.
      output = Files.createTempFile("chainwright-version-", ".txt");
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      process.getOutputStream().close();
      boolean exited = process.waitFor(10, TimeUnit.SECONDS);
      process.destroyForcibly();
      return exited ? LocalTool.versionIn(Files.readString(output, StandardCharsets.ISO_8859_1)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      deleteQuietly(output);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a leftover temp file is harmless
      }
    }
  }

  private static List<Path> paths(String list) {
    List<Path> out = new ArrayList<>();
    for (String part : list.split(File.pathSeparator)) {
      if (!part.isBlank()) {
        out.add(Path.of(part));
      }
    }
    return out;
  }
}
