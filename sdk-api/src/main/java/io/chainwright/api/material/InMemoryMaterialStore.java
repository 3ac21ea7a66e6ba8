package io.chainwright.api.material;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** A material store in a map: {@link MaterialStore#inMemory()}. */
final class InMemoryMaterialStore implements MaterialStore {
  private final Map<MaterialKey, byte[]> pieces = new ConcurrentHashMap<>();

  @Override
  public byte[] getOrCreate(MaterialKey key, Supplier<byte[]> generator) {
    return pieces.computeIfAbsent(key, k -> generator.get().clone()).clone();
  }

  @Override
  public Optional<byte[]> read(MaterialKey key) {
    return Optional.ofNullable(pieces.get(key)).map(byte[]::clone);
  }

  @Override
  public boolean rotate(MaterialKey key) {
    return pieces.remove(key) != null;
  }

  @Override
  public List<MaterialKey> keys(String network) {
    return pieces.keySet().stream().filter(k -> k.network().equals(network))
        .sorted(java.util.Comparator.comparing(MaterialKey::path)).toList();
  }

  @Override
  public String toString() {
    return "MaterialStore[memory, " + pieces.size() + " pieces]";
  }
}
