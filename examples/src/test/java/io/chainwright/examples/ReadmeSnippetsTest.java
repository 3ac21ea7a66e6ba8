package io.chainwright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every Java block in the README is a marked region of a test, so README code compiles and runs. */
class ReadmeSnippetsTest {
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);
  private static final Pattern REGION = Pattern.compile("// README: [\\w-]+\n(.*?)\\s*// README: end", Pattern.DOTALL);

  @Test
  void everyJavaBlockOfTheReadmeIsTestedCode() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    List<String> regions = new ArrayList<>();
    try (var sources = Files.walk(Path.of(".."))) {
      for (Path file : sources.filter(ReadmeSnippetsTest::isTestSource).toList()) {
        Matcher r = REGION.matcher(Files.readString(file));
        while (r.find()) {
          regions.add(unindent(r.group(1)));
        }
      }
    }
    List<String> blocks = new ArrayList<>();
    Matcher b = JAVA_BLOCK.matcher(readme);
    while (b.find()) {
      blocks.add(b.group(1).strip());
    }

    assertThat(blocks).isNotEmpty().allSatisfy(block -> assertThat(regions).contains(block));
  }

  /** Test sources of any module; build output and installed tools are not ours. */
  private static boolean isTestSource(Path file) {
    String path = file.toString().replace('\\', '/');
    return path.endsWith(".java") && path.contains("/src/test/java/") && !path.contains("/node_modules/") && !path.contains("/target/");
  }

  private static String unindent(String region) {
    return region.stripIndent().strip();
  }
}
