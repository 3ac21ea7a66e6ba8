package io.chainwright.api.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder rendered into again holds exactly the network, and nothing but its own files is ever deleted. */
class WrittenFilesTest {
  @TempDir
  Path dir;

  private record Output(String name, Map<String, String> files) implements Rendering {}

  @Test
  void aSecondWriteDeletesWhatTheNetworkNoLongerHasAndTheFoldersItEmptied() throws IOException {
    new Output("rpc", Map.of("rpc/06-services/ingress-rpc.yaml", "a", "rpc/07-workloads/statefulset-node.yaml", "b")).writeTo(dir);

    new Output("rpc", Map.of("rpc/06-gateway/httproute-rpc.yaml", "c", "rpc/07-workloads/statefulset-node.yaml", "b")).writeTo(dir);

    assertThat(dir.resolve("rpc/06-services")).doesNotExist();
    assertThat(dir.resolve("rpc/06-gateway/httproute-rpc.yaml")).hasContent("c");
    assertThat(dir.resolve("rpc/07-workloads/statefulset-node.yaml")).hasContent("b");
    assertThat(WrittenFiles.of(dir, "rpc")).containsExactly("rpc/06-gateway/httproute-rpc.yaml", "rpc/07-workloads/statefulset-node.yaml");
  }

  @Test
  void anotherNetworksFilesAndAPersonsFilesInTheSameFolderStay() throws IOException {
    new Output("a", Map.of("a/x.yaml", "1", "shared/readme.txt", "from a")).writeTo(dir);
    new Output("b", Map.of("b/y.yaml", "2")).writeTo(dir);
    Files.writeString(dir.resolve("a/notes.md"), "mine");

    new Output("a", Map.of()).writeTo(dir);

    assertThat(dir.resolve("a/x.yaml")).doesNotExist();
    assertThat(dir.resolve("shared")).doesNotExist();
    assertThat(dir.resolve("a/notes.md")).as("never written by a rendering").hasContent("mine");
    assertThat(dir.resolve("b/y.yaml")).hasContent("2");
  }

  @Test
  void aRecordThatPointsOutsideTheFolderIsNotFollowed(@TempDir Path elsewhere) throws IOException {
    Path outside = Files.writeString(elsewhere.resolve("keep.txt"), "keep");
    new Output("rpc", Map.of("rpc.yaml", "x")).writeTo(dir);
    Files.writeString(dir.resolve(WrittenFiles.FOLDER).resolve("rpc.files"), dir.relativize(outside) + "\n" + outside + "\n");

    new Output("rpc", Map.of("rpc.yaml", "x")).writeTo(dir);

    assertThat(outside).hasContent("keep");
  }
}
