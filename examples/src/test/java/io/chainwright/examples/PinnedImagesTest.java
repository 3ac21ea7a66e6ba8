package io.chainwright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Container;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Workload;
import io.chainwright.api.material.MaterialStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The images the examples run are pinned, and the README's table of them is the list the code
 * gives: a new pin or a bumped version shows up in review as a README change.
 */
class PinnedImagesTest {
  private static final Pattern VERSION_TAG = Pattern.compile("v?\\d+(\\.\\d+)+([.-][\\w.-]+)?");
  private static final String START = "<!-- pinned images: PinnedImagesTest checks this table -->\n";
  private static final String END = "<!-- pinned images end -->";

  @Test
  void everyImageIsPinnedToAVersion() {
    List<String> floating = new ArrayList<>();
    images().forEach((repository, versions) -> versions.keySet().stream()
        .filter(tag -> !tag.startsWith("@") && !VERSION_TAG.matcher(tag).matches()).forEach(tag -> floating.add(repository + ":" + tag)));

    assertThat(floating).as("images without a version tag").isEmpty();
  }

  @Test
  void theReadmeListsThePinnedImages() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int start = readme.indexOf(START);
    int end = readme.indexOf(END);
    assertThat(start).as("README marker " + START.strip()).isNotNegative();

    assertThat(readme.substring(start + START.length(), end)).isEqualTo(table());
  }

  /** The table the README must hold, in the README's own form. */
  private static String table() {
    StringBuilder out = new StringBuilder("| Image | Version | Used by (example networks) |\n|---|---|---|\n");
    images().forEach((repository, versions) -> versions.forEach((tag, networks) ->
        out.append("| `").append(repository).append("` | ").append(tag).append(" | ")
            .append(String.join(", ", networks)).append(" |\n")));
    return out.toString();
  }

  /** Repository to tag to the example networks using it. */
  private static Map<String, Map<String, Set<String>>> images() {
    Map<String, Map<String, Set<String>>> images = new TreeMap<>();
    for (Network network : Examples.all(MaterialStore.inMemory())) {
      for (Workload w : network.workloads()) {
        for (Container c : w.allContainers()) {
          Image image = c.image();
          images.computeIfAbsent(image.repository(), k -> new TreeMap<>())
              .computeIfAbsent(image.tag().or(() -> image.digest().map(d -> "@" + d)).orElse("(none)"), k -> new TreeSet<>())
              .add(network.name());
        }
      }
    }
    return images;
  }
}
