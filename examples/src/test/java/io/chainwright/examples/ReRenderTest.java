package io.chainwright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders are a pure function of the model and its material: the main job, run twice in fresh JVMs
 * with one material store, writes the same files byte for byte, as GitOps needs to apply a second
 * render of an unchanged network without rotating a CA, a key or a password. With another store,
 * only secret values and what is computed from keys differ.
 */
class ReRenderTest {
  private static final Pattern KEY = Pattern.compile("^(\\s*[^:]+:).*$");

  @TempDir static Path dir;
  static Map<String, byte[]> first;
  static Map<String, byte[]> second;
  static Map<String, byte[]> otherStore;
  static Map<String, byte[]> materialsAfterFirst;

  @BeforeAll
  static void renderThreeTimes() throws Exception {
    Path materials = dir.resolve("materials");
    mainJob(dir.resolve("first"), materials);
    materialsAfterFirst = files(materials);
    mainJob(dir.resolve("second"), materials);
    mainJob(dir.resolve("other"), dir.resolve("other-materials"));
    first = files(dir.resolve("first"));
    second = files(dir.resolve("second"));
    otherStore = files(dir.resolve("other"));
  }

  @Test
  void withAnotherStoreOnlySecretValuesAndWhatIsComputedFromKeysDiffer() {
    assertThat(otherStore.keySet()).containsExactlyElementsOf(first.keySet());
    List<String> differing = first.keySet().stream().filter(f -> !Arrays.equals(first.get(f), otherStore.get(f))).toList();
    assertThat(differing).as("another store gives other secrets").anyMatch(f -> f.startsWith("kubernetes/"));
    for (String file : differing) {
      if (file.contains("/secrets/") || file.endsWith("/.env")) {
        continue; // a secret file: its value is the material
      }
      String[] ours = new String(first.get(file), StandardCharsets.UTF_8).split("(?m)^---\n", -1);
      String[] theirs = new String(otherStore.get(file), StandardCharsets.UTF_8).split("(?m)^---\n", -1);
      assertThat(theirs).as(file + " documents").hasSameSizeAs(ours);
      for (int d = 0; d < ours.length; d++) {
        boolean secret = ours[d].contains("\nkind: Secret\n");
        List<String> a = ours[d].lines().toList();
        List<String> b = theirs[d].lines().toList();
        assertThat(b).as(file + " lines").hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
          if (!a.get(i).equals(b.get(i))) {
            String line = a.get(i);
            if (secret) {
              assertThat(key(b.get(i))).as(file + ": a Secret changes values, never keys").isEqualTo(key(line));
            } else {
              assertThat(Generated.DERIVED.matcher(line).find()).as(file + ": '" + line + "' differs but is neither secret nor derived from a key").isTrue();
            }
          }
        }
      }
    }
  }

  private static String key(String line) {
    Matcher m = KEY.matcher(line);
    return m.matches() ? m.group(1) : line;
  }

  @Test
  void aSecondRenderWithTheSameStoreWritesTheSameBytes() {
    assertThat(second.keySet()).containsExactlyElementsOf(first.keySet());
    List<String> differing = first.keySet().stream().filter(f -> !Arrays.equals(first.get(f), second.get(f))).toList();
    assertThat(differing).as("files that differ between two renders").isEmpty();
    assertThat(first.keySet()).anyMatch(f -> f.startsWith("kubernetes/")).anyMatch(f -> f.startsWith("compose/"));
  }

  @Test
  void theSecondRenderMakesNoNewMaterial() throws IOException {
    assertThat(files(dir.resolve("materials")).keySet()).containsExactlyElementsOf(materialsAfterFirst.keySet());
    // The generated pieces are there: Fabric CAs, Engine API JWTs and database passwords.
    assertThat(materialsAfterFirst.keySet())
        .anyMatch(f -> f.endsWith("/ca.pem"))
        .anyMatch(f -> f.startsWith("eth-mainnet/jwt/"))
        .anyMatch(f -> f.endsWith("/password"));
  }

  /** Runs the main job in a JVM of its own, as a user runs it from Maven. */
  private static void mainJob(Path out, Path materials) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
        "-D" + RenderExamples.MATERIALS_PROPERTY + "=" + materials, RenderExamples.class.getName(), out.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(out.getFileName() + ".log").toFile()).start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("main job finished").isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve(out.getFileName() + ".log"))).isZero();
  }

  /** Every file under {@code root}, by path relative to it. */
  private static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile).forEach(f -> files.put(root.relativize(f).toString(), read(f)));
    }
    return files;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
