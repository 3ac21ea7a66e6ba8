package io.chainwright.fabric.devnet;

import io.chainwright.api.Secret;
import io.chainwright.api.SecretValue;
import io.chainwright.api.SecretVolume;
import io.chainwright.api.VolumeMount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a folder tree of crypto files (such as an MSP and TLS folder) into one secret per folder,
 * each mounted at its place under a container path, since a secret's keys are flat file names.
 */
record SecretFolders(List<Secret> secrets, List<SecretVolume> volumes, List<VolumeMount> mounts) {
  /**
   * {@code files} (relative paths to content) as secrets named {@code <owner>-<volume>}, mounted under
   * {@code root}; each volume is named after its folder, behind {@code volumePrefix} when one is given.
   */
  static SecretFolders of(String owner, String volumePrefix, Map<String, byte[]> files, String root) {
    Map<String, Map<String, SecretValue>> byFolder = new LinkedHashMap<>();
    files.forEach((path, bytes) -> {
      int slash = path.lastIndexOf('/');
      String folder = slash < 0 ? "" : path.substring(0, slash);
      byFolder.computeIfAbsent(folder, f -> new LinkedHashMap<>()).put(path.substring(slash + 1), SecretValue.of(bytes));
    });
    List<Secret> secrets = new ArrayList<>();
    List<SecretVolume> volumes = new ArrayList<>();
    List<VolumeMount> mounts = new ArrayList<>();
    byFolder.forEach((folder, data) -> {
      String folderName = folder.replace('/', '-');
      String name = volumePrefix.isEmpty() ? folderName
          : folder.isEmpty() ? volumePrefix : volumePrefix + "-" + folderName;
      secrets.add(Secret.builder().name(owner + "-" + name).putAllData(data).build());
      volumes.add(SecretVolume.of(name, owner + "-" + name));
      mounts.add(VolumeMount.readOnly(name, folder.isEmpty() ? root : root + "/" + folder));
    });
    return new SecretFolders(secrets, volumes, mounts);
  }
}
