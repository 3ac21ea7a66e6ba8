package io.chainwright.api.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.MaterialException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryMaterialStoreTest {
  private static final MaterialKey JWT = MaterialKey.of("staking", "geth", "jwt.hex");

  @TempDir Path dir;

  @Test
  void aPieceIsMadeOnceAndReadBackByEveryLaterStoreOnTheFolder() {
    AtomicInteger made = new AtomicInteger();
    byte[] first = MaterialStore.directory(dir).getOrCreate(JWT, () -> bytes("one-" + made.incrementAndGet()));
    byte[] second = MaterialStore.directory(dir).getOrCreate(JWT, () -> bytes("two-" + made.incrementAndGet()));

    assertThat(second).isEqualTo(first).isEqualTo(bytes("one-1"));
    assertThat(made).hasValue(1);
    assertThat(MaterialStore.directory(dir).keys("staking")).containsExactly(JWT);
    assertThat(MaterialStore.directory(dir).keys("other")).isEmpty();
  }

  @Test
  void piecesAreReadableByTheirOwnerOnly() throws Exception {
    MaterialStore.directory(dir.resolve("materials")).getOrCreate(JWT, () -> bytes("secret"));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("materials/staking/geth/jwt.hex"))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("materials/staking/geth"))))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("materials/manifest.json"))))
        .isEqualTo("rw-------");
  }

  @Test
  void concurrentWritersOnOneFolderAllGetTheBytesOfOneGeneratorCall() throws Exception {
    int writers = 16;
    AtomicInteger made = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        MaterialStore store = MaterialStore.directory(dir); // one store each, as separate processes would have
        MaterialKey key = MaterialKey.of("net", "owner" + (i % 4), "key");
        results.add(pool.submit(() -> {
          start.await();
          return new String(store.getOrCreate(key, () -> bytes("made-" + made.incrementAndGet())), StandardCharsets.UTF_8);
        }));
      }
      start.countDown();
      Set<String> byOwner = ConcurrentHashMap.newKeySet();
      for (Future<String> result : results) {
        byOwner.add(result.get());
      }
      assertThat(made).hasValue(4);
      assertThat(byOwner).hasSize(4);
      assertThat(MaterialStore.directory(dir).keys("net")).hasSize(4);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aCrashBeforeTheRenameLeavesOnlyATemporaryFileAndThePieceIsMadeAfresh() throws Exception {
    Files.createDirectories(dir.resolve("staking/geth"));
    Files.write(dir.resolve("staking/geth/.tmp-jwt.hex123"), bytes("half-writ"));

    byte[] made = MaterialStore.directory(dir).getOrCreate(JWT, () -> bytes("whole"));

    assertThat(made).isEqualTo(bytes("whole"));
    assertThat(MaterialStore.directory(dir).read(JWT)).contains(bytes("whole"));
  }

  @Test
  void aCrashBetweenTheFileAndTheManifestKeepsTheFileThatWasWritten() throws Exception {
    MaterialStore.directory(dir).getOrCreate(MaterialKey.of("staking", "geth", "other"), () -> bytes("x"));
    Files.write(dir.resolve("staking/geth/jwt.hex"), bytes("renamed-but-unlisted"));

    byte[] read = MaterialStore.directory(dir).getOrCreate(JWT, () -> bytes("must-not-be-made"));

    assertThat(read).isEqualTo(bytes("renamed-but-unlisted"));
    assertThat(MaterialStore.directory(dir).keys("staking")).contains(JWT);
  }

  @Test
  void aCorruptFileIsAnErrorNamingItAndIsNeverReplaced() throws Exception {
    MaterialStore.directory(dir).getOrCreate(JWT, () -> bytes("original"));
    Path file = dir.resolve("staking/geth/jwt.hex");
    Files.write(file, bytes("origin")); // truncated

    assertThatThrownBy(() -> MaterialStore.directory(dir).getOrCreate(JWT, () -> bytes("fresh")))
        .isInstanceOf(MaterialException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("corrupt");
    assertThat(Files.readAllBytes(file)).isEqualTo(bytes("origin"));
  }

  @Test
  void aCorruptManifestIsAnErrorNamingIt() throws Exception {
    MaterialStore.directory(dir).getOrCreate(JWT, () -> bytes("original"));
    Files.writeString(dir.resolve("manifest.json"), "{\"format\": 1, \"pieces\": {");

    assertThatThrownBy(() -> MaterialStore.directory(dir).getOrCreate(JWT, () -> bytes("fresh")))
        .isInstanceOf(MaterialException.class)
        .hasMessageContaining(dir.resolve("manifest.json").toString());
    assertThat(Files.readAllBytes(dir.resolve("staking/geth/jwt.hex"))).isEqualTo(bytes("original"));
  }

  @Test
  void aListedPieceWhoseFileIsGoneIsAnErrorUntilItIsRotated() throws Exception {
    MaterialStore store = MaterialStore.directory(dir);
    store.getOrCreate(JWT, () -> bytes("original"));
    Files.delete(dir.resolve("staking/geth/jwt.hex"));

    assertThatThrownBy(() -> store.getOrCreate(JWT, () -> bytes("fresh")))
        .isInstanceOf(MaterialException.class)
        .hasMessageContaining("missing");
    assertThat(store.rotate(JWT)).isTrue();
    assertThat(store.getOrCreate(JWT, () -> bytes("fresh"))).isEqualTo(bytes("fresh"));
  }

  @Test
  void aReadOnlyFolderServesWhatItHoldsAndRefusesToAddMore() throws Exception {
    MaterialStore.directory(dir.resolve("frozen")).getOrCreate(JWT, () -> bytes("kept"));
    Path frozen = dir.resolve("frozen");
    Files.setPosixFilePermissions(frozen, PosixFilePermissions.fromString("r-x------"));
    try {
      MaterialStore store = MaterialStore.directory(frozen);
      assertThat(store.getOrCreate(JWT, () -> bytes("other"))).isEqualTo(bytes("kept"));
      MaterialKey missing = MaterialKey.of("staking", "geth", "nodekey");
      assertThatThrownBy(() -> store.getOrCreate(missing, () -> bytes("new")))
          .isInstanceOf(MaterialException.class)
          .hasMessageContaining("read only")
          .hasMessageContaining(frozen.toString());
      assertThat(frozen.resolve("staking/geth/nodekey")).doesNotExist();
    } finally {
      Files.setPosixFilePermissions(frozen, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void rotationRetiresTheOldBytesAndTheNextCallMakesNewOnes() throws Exception {
    MaterialStore store = MaterialStore.directory(dir);
    store.getOrCreate(JWT, () -> bytes("old"));

    assertThat(store.rotate(JWT)).isTrue();
    assertThat(store.read(JWT)).isEmpty();
    assertThat(store.getOrCreate(JWT, () -> bytes("new"))).isEqualTo(bytes("new"));
    try (var retired = Files.list(dir.resolve("retired/staking/geth"))) {
      assertThat(retired.map(DirectoryMaterialStoreTest::read)).containsExactly(bytes("old"));
    }
    assertThat(store.rotate(MaterialKey.of("staking", "geth", "never-made"))).isFalse();
  }

  @Test
  void keysThatWouldEscapeTheFolderAreRefused() {
    assertThatThrownBy(() -> MaterialKey.of("staking", "..", "x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("owner '..'");
    assertThatThrownBy(() -> MaterialKey.of("a/b", "geth", "x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("network 'a/b'");
  }

  @Test
  void theStoreNeverShowsAValue() {
    MaterialStore store = MaterialStore.directory(dir);
    store.getOrCreate(JWT, () -> bytes("s3cr3t-value"));
    assertThat(store.toString()).doesNotContain("s3cr3t");
    assertThat(store.forNetwork("staking").toString()).doesNotContain("s3cr3t");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
