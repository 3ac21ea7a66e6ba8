package io.chainwright.api.material;

import io.chainwright.api.MaterialException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A material store in a folder: {@link MaterialStore#directory(Path)}.
 *
 * <p>A piece is committed in two atomic renames: its file, then the manifest that lists its SHA-256.
 * Writers hold a lock on {@code .lock} (and, within one JVM, a lock per folder, since file locks are
 * per process), so concurrent writers never both make one piece. Readers take no lock: they see a
 * piece once its file and its manifest line are both in place. A file without a manifest line can
 * only be left by a crash between the two renames; it is whole, so it is adopted, not made again.
 */
final class DirectoryMaterialStore implements MaterialStore {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryMaterialStore.class);
  private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
  private static final DateTimeFormatter RETIRED_SUFFIX =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Path dir;
  private final StoreFiles files;
  private final Manifest.File manifest;

  DirectoryMaterialStore(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
    this.files = new StoreFiles(this.dir);
    this.manifest = new Manifest.File(this.dir.resolve("manifest.json"), files);
  }

  @Override
  public byte[] getOrCreate(MaterialKey key, Supplier<byte[]> generator) {
    Optional<byte[]> found = read(key, manifest.load(), false);
    if (found.isPresent()) {
      return found.get();
    }
    return locked("store " + key, () -> {
      Manifest current = manifest.load();
      Optional<byte[]> raced = read(key, current, true);
      if (raced.isPresent()) {
        return raced.get();
      }
      byte[] bytes = generator.get().clone();
      files.writeAtomically(file(key), bytes);
      manifest.save(current.with(key, bytes, Instant.now()));
      LOG.debug("Made new material {} in {}", key, dir);
      return bytes;
    });
  }

  @Override
  public Optional<byte[]> read(MaterialKey key) {
    Optional<byte[]> found = read(key, manifest.load(), false);
    if (found.isPresent() || !Files.exists(file(key))) {
      return found;
    }
    return files.isWritable() ? locked("read " + key, () -> read(key, manifest.load(), true)) : found;
  }

  @Override
  public boolean rotate(MaterialKey key) {
    return locked("rotate " + key, () -> {
      Manifest current = manifest.load();
      Path file = file(key);
      boolean listed = current.contains(key);
      if (!Files.exists(file)) {
        if (listed) {
          manifest.save(current.without(key));
        }
        return listed;
      }
      Path retired = dir.resolve("retired").resolve(key.path() + "." + RETIRED_SUFFIX.format(Instant.now()));
      files.move(file, retired);
      manifest.save(current.without(key));
      LOG.info("Retired material {}: the next render makes a new one; the old bytes are kept in {}", key, retired);
      return true;
    });
  }

  @Override
  public List<MaterialKey> keys(String network) {
    return manifest.load().keys(network);
  }

  private Path file(MaterialKey key) {
    return dir.resolve(key.network()).resolve(key.owner()).resolve(key.name());
  }

  private Optional<byte[]> read(MaterialKey key, Manifest current, boolean adoptUnlisted) {
    Path file = file(key);
    Optional<byte[]> bytes = files.readIfExists(file);
    Optional<String> listed = current.sha256(key);
    if (bytes.isEmpty()) {
      if (listed.isPresent()) {
        throw new MaterialException("Material " + key + " is listed in " + manifest.path() + " but its file " + file
            + " is missing; restore it from a backup, or rotate the key to make a new one");
      }
      return Optional.empty();
    }
    if (listed.isEmpty()) {
      if (!adoptUnlisted) {
        return Optional.empty();
      }
      // Only a crash between the file's rename and the manifest's leaves this; the rename made the file whole.
      manifest.save(current.with(key, bytes.get(), Instant.now()));
      LOG.warn("Material file {} was not in the manifest (an interrupted write); adopted it as it is", file);
      return bytes;
    }
    if (!listed.get().equals(Manifest.sha256(bytes.get()))) {
      throw new MaterialException("Material file " + file + " is corrupt: its SHA-256 does not match " + manifest.path()
          + "; restore it from a backup, or rotate the key to make a new one");
    }
    return bytes;
  }

  private <T> T locked(String action, Supplier<T> body) {
    files.requireWritable(action);
    ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(dir, d -> new ReentrantLock());
    jvmLock.lock();
    try (FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = channel.lock()) {
      return body.get();
    } catch (IOException e) {
      throw new MaterialException("Cannot " + action + ": cannot lock " + dir.resolve(".lock"), e);
    } finally {
      jvmLock.unlock();
    }
  }

  @Override
  public String toString() {
    return "MaterialStore[" + dir + "]";
  }
}
