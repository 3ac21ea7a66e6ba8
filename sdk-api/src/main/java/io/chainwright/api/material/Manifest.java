package io.chainwright.api.material;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.chainwright.api.Digests;
import io.chainwright.api.MaterialException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a directory store holds: each piece's path, SHA-256 and the time it was made, sorted by
 * path. It names no secret; the hash is what tells a whole file from a corrupt one.
 */
record Manifest(int format, SortedMap<String, Entry> pieces) {
  private static final int FORMAT = 1;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One piece: the hex SHA-256 of its bytes and when it was made. */
  record Entry(String sha256, String created) {}

  static Manifest empty() {
    return new Manifest(FORMAT, new TreeMap<>());
  }

  boolean contains(MaterialKey key) {
    return pieces.containsKey(key.path());
  }

  Optional<String> sha256(MaterialKey key) {
    return Optional.ofNullable(pieces.get(key.path())).map(Entry::sha256);
  }

  Manifest with(MaterialKey key, byte[] bytes, Instant created) {
    SortedMap<String, Entry> next = new TreeMap<>(pieces);
    next.put(key.path(), new Entry(sha256(bytes), created.toString()));
    return new Manifest(FORMAT, next);
  }

  Manifest without(MaterialKey key) {
    SortedMap<String, Entry> next = new TreeMap<>(pieces);
    next.remove(key.path());
    return new Manifest(FORMAT, next);
  }

  List<MaterialKey> keys(String network) {
    return pieces.keySet().stream()
        .map(path -> path.split("/", 3))
        .filter(parts -> parts.length == 3 && parts[0].equals(network))
        .map(parts -> MaterialKey.of(parts[0], parts[1], parts[2]))
        .toList();
  }

  static String sha256(byte[] bytes) {
    return Digests.sha256Hex(bytes);
  }

  /** The manifest's file in a store folder, read and written whole. */
  record File(Path path, StoreFiles files) {
    Manifest load() {
      Optional<byte[]> bytes = files.readIfExists(path);
      if (bytes.isEmpty()) {
        return empty();
      }
      try {
        Manifest read = JSON.readValue(bytes.get(), Manifest.class);
        if (read.format() != FORMAT || read.pieces() == null) {
          throw new MaterialException("The material manifest " + path + " has format " + read.format()
              + "; this version of Chainwright reads format " + FORMAT);
        }
        return new Manifest(read.format(), new TreeMap<>(read.pieces()));
      } catch (JacksonException e) {
        throw new MaterialException("The material manifest " + path + " is corrupt: " + e.getOriginalMessage()
            + "; restore it from a backup (the material files beside it are intact)", e);
      } catch (java.io.IOException e) {
        throw new MaterialException("Cannot read the material manifest " + path, e);
      }
    }

    void save(Manifest manifest) {
      try {
        files.writeAtomically(path, (JSON.writeValueAsString(manifest) + "\n").getBytes(StandardCharsets.UTF_8));
      } catch (JacksonException e) {
        throw new IllegalStateException("Cannot encode the material manifest", e);
      }
    }
  }
}
