package io.chainwright.fabric.compile;

import io.chainwright.api.Secret;
import io.chainwright.api.SecretValue;
import io.chainwright.api.volume.SecretVolume;
import java.util.Map;

/**
 * Turns a folder of crypto files (an MSP and TLS folder, as cryptogen lays them out) into one
 * secret and a volume that mounts every file back at its relative path. Certificates travel with
 * the keys, so a node's material is one object; none of it ever lands in a config map.
 */
final class CryptoSecrets {
  /** The volume name every compiled Fabric container mounts its material from. */
  static final String VOLUME = "crypto";

  private CryptoSecrets() {}

  /** The secret holding {@code files}, keyed by path with '/' turned into '.' (secret keys hold no folders). */
  static Secret secret(String name, Map<String, byte[]> files) {
    Secret.Builder secret = Secret.builder().name(name);
    files.forEach((path, bytes) -> secret.putData(key(path), SecretValue.of(bytes)));
    return secret.build();
  }

  /** A volume that mounts each file of {@code files} from secret {@code name} at its own relative path. */
  static SecretVolume volume(String name, Map<String, byte[]> files) {
    SecretVolume.Builder volume = SecretVolume.builder().name(VOLUME).secret(name);
    files.keySet().forEach(path -> volume.putItem(key(path), path));
    return volume.build();
  }

  private static String key(String path) {
    return path.replace('/', '.');
  }
}
