package io.chainwright.examples.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The main Java sources of a repository's modules, read as text: each file's module, package and the Chainwright or library types it refers to. */
record SourceTree(List<SourceFile> files) {
  private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+?)(?:\\.\\*)?;", Pattern.MULTILINE);
  /** Fully qualified references in code, such as {@code io.chainwright.api.AwaitTimeoutException}. */
  private static final Pattern QUALIFIED = Pattern.compile("\\b(io\\.chainwright(?:\\.[a-z]\\w*)+)\\.[A-Z]");

  /**
   * One source file.
   *
   * @param module the module folder, e.g. {@code sdk-api}
   * @param pkg the package, e.g. {@code io.chainwright.api.await}
   * @param references imported names and qualified Chainwright packages it uses
   * @param text the file's text
   */
  record SourceFile(Path path, String module, String pkg, Set<String> references, String text) {}

  /** Every {@code <module>/src/main/java} file under {@code root}. */
  static SourceTree mainSources(Path root) {
    List<SourceFile> files = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
        Path sources = module.resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
          continue;
        }
        try (Stream<Path> walk = Files.walk(sources)) {
          for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
            files.add(read(module.getFileName().toString(), file));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SourceTree(files);
  }

  private static SourceFile read(String module, Path file) throws IOException {
    String text = Files.readString(file);
    Matcher p = PACKAGE.matcher(text);
    String pkg = p.find() ? p.group(1) : "";
    Set<String> references = new LinkedHashSet<>();
    Matcher i = IMPORT.matcher(text);
    while (i.find()) {
      references.add(i.group(1));
    }
    Matcher q = QUALIFIED.matcher(text.replaceAll("(?m)^(import|package) .*$", ""));
    while (q.find()) {
      references.add(q.group(1) + ".*");
    }
    return new SourceFile(file, module, pkg, references, text);
  }
}
