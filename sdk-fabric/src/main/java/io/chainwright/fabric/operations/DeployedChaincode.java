package io.chainwright.fabric.operations;

import io.chainwright.api.PlatformException;
import io.chainwright.fabric.crypto.Identity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * What a chaincode server needs once its chaincode is committed: the package id to run under, and
 * the TLS certificate and key to serve, which the peers verify; and what the deploy changed on the
 * network (installs, approvals, the commit), empty when the channel already had it all.
 */
public record DeployedChaincode(String packageId, Identity tls, List<String> changes) {
  public DeployedChaincode {
    changes = List.copyOf(changes);
  }

  /**
   * Writes the TLS certificate and key as PEM files {@code server.crt} and {@code server.key}
   * (PKCS#8, readable by the owner only) into {@code folder}, for servers that read files.
   */
  public TlsFiles writeTls(Path folder) {
    try {
      Files.createDirectories(folder);
      Path certificate = Files.writeString(folder.resolve("server.crt"), tls.certificatePem());
      Path key = folder.resolve("server.key");
      Files.deleteIfExists(key);
      Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(key, tls.privateKeyPem().getBytes(StandardCharsets.US_ASCII));
      return new TlsFiles(certificate, key);
    } catch (IOException e) {
      throw new PlatformException("write", "chaincode TLS files in " + folder, e.getMessage(), e);
    }
  }

  /** Where {@link #writeTls} put the certificate and key. */
  public record TlsFiles(Path certificate, Path key) {}
}
