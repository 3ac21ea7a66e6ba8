package io.chainwright.api.material;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where generated material lives between renders and deploys. A piece is made once, by
 * {@link #getOrCreate}, and every later call returns the same bytes; nothing that exists is ever
 * made again or overwritten, except by an explicit {@link #rotate}.
 *
 * <pre>{@code
 * MaterialStore store = MaterialStore.directory(Path.of("materials"));
 * Network network = NetworkPart.network("staking", store, node, validators);
 * }</pre>
 *
 * <p>Implementations are safe for concurrent use. Values are secrets: no implementation logs them
 * or shows them in {@code toString}.
 */
public interface MaterialStore {
  /**
   * The bytes stored under {@code key}, or those {@code generator} makes when there are none yet,
   * which are stored first. Concurrent callers for one key all get the bytes of one generator call.
   *
   * @throws io.chainwright.api.MaterialException when the stored piece cannot be read or is corrupt,
   *     or a new one cannot be stored; never by making a new piece in place of an unreadable one
   */
  byte[] getOrCreate(MaterialKey key, Supplier<byte[]> generator);

  /** The bytes stored under {@code key}, if there are any. */
  Optional<byte[]> read(MaterialKey key);

  /**
   * Retires the piece under {@code key}, so that the next {@link #getOrCreate} makes a new one. A
   * directory store keeps the retired bytes in its {@code retired} folder. Returns whether there was
   * a piece to retire.
   */
  boolean rotate(MaterialKey key);

  /** The keys of every piece stored for {@code network}, sorted by path. */
  List<MaterialKey> keys(String network);

  /** This store's view of one network, as network parts take it. */
  default Materials forNetwork(String network) {
    return new Materials(this, network);
  }

  /** A store held in this JVM's memory only: for tests, and for one-off renders whose material need not last. */
  static MaterialStore inMemory() {
    return new InMemoryMaterialStore();
  }

  /**
   * A store in the folder {@code dir} (created if missing, mode 0700): each piece is a file of mode
   * 0600, written atomically, listed with its SHA-256 in {@code manifest.json}. Several JVMs may
   * share one folder. A folder without owner write permission is read only: existing pieces are read,
   * and making a new one is refused.
   */
  static MaterialStore directory(Path dir) {
    return new DirectoryMaterialStore(dir);
  }
}
