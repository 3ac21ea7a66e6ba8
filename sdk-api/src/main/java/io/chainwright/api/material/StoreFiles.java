package io.chainwright.api.material;

import io.chainwright.api.MaterialException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/** The file operations of a store folder: modes 0700/0600, atomic writes, the read-only check. */
final class StoreFiles {
  private final Path dir;
  private final boolean posix;

  StoreFiles(Path dir) {
    this.dir = dir;
    this.posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  Optional<byte[]> readIfExists(Path file) {
    try {
      return Optional.of(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new MaterialException("Cannot read material file " + file, e);
    }
  }

  /** Writes {@code bytes} to a temporary file of mode 0600 beside {@code file}, syncs it, then renames it into place. */
  void writeAtomically(Path file, byte[] bytes) {
    Path temp = null;
    try {
      createDirectories(file.getParent());
      temp = Files.createTempFile(file.getParent(), ".tmp-" + file.getFileName(), "", mode("rw-------"));
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        out.write(ByteBuffer.wrap(bytes));
        out.force(true);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new MaterialException("Cannot write material file " + file, e);
    }
  }

  void move(Path from, Path to) {
    try {
      createDirectories(to.getParent());
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new MaterialException("Cannot move material file " + from + " to " + to, e);
    }
  }

  boolean isWritable() {
    return !Files.exists(dir) || !posix || ownerCanWrite();
  }

  /** Refuses to write where the owner may not: root writes anyway, so the mode is checked, not the write. */
  void requireWritable(String action) {
    if (!isWritable()) {
      throw new MaterialException("Cannot " + action + ": the material folder " + dir
          + " is read only (no owner write permission); make it writable to add or rotate material");
    }
    try {
      createDirectories(dir);
    } catch (IOException e) {
      throw new MaterialException("Cannot " + action + ": cannot create the material folder " + dir, e);
    }
  }

  private boolean ownerCanWrite() {
    try {
      return Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OWNER_WRITE);
    } catch (IOException e) {
      throw new MaterialException("Cannot read the permissions of the material folder " + dir, e);
    }
  }

  private void createDirectories(Path folder) throws IOException {
    if (Files.isDirectory(folder)) {
      return;
    }
    createDirectories(folder.getParent());
    try {
      Files.createDirectory(folder, mode("rwx------"));
    } catch (FileAlreadyExistsException raced) {
      // another writer made it first
    }
  }

  private static void deleteQuietly(Path temp) {
    if (temp != null) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // the original failure is the one worth reporting
      }
    }
  }

  private FileAttribute<?>[] mode(String permissions) {
    return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
        : new FileAttribute<?>[0];
  }
}
