package io.chainwright.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainwright.api.backend.Rendering;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderingTest {
  private record Files(String name, Map<String, String> files) implements Rendering {}

  @Test
  void writesEveryFileUnderTheDirectory(@TempDir Path dir) throws IOException {
    Rendering rendering = new Files("devnet", Map.of("compose/devnet/compose.yaml", "services: {}\n"));

    rendering.writeTo(dir);

    assertThat(java.nio.file.Files.readString(dir.resolve("compose/devnet/compose.yaml"))).isEqualTo("services: {}\n");
  }

  @Test
  void refusesToWriteOutsideTheDirectory(@TempDir Path dir) {
    Rendering rendering = new Files("devnet", Map.of("../escape.yaml", "x"));

    IOException e = assertThrows(IOException.class, () -> rendering.writeTo(dir.resolve("out")));

    assertThat(e.getMessage()).contains("Refusing to write outside");
    assertThat(dir.resolve("escape.yaml")).doesNotExist();
  }
}
