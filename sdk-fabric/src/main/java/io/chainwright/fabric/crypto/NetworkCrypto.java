package io.chainwright.fabric.crypto;

import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.OrdererOrg;
import io.chainwright.fabric.PeerOrg;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The crypto material of a whole network, generated in memory: one {@link OrgCrypto} per orderer
 * and peer org, by org name. It can be written out in cryptogen's layout.
 *
 * <pre>{@code
 * NetworkCrypto crypto = NetworkCrypto.generate(network);
 * X509Certificate cert = crypto.org("org1").node("peer0").tls().certificate();
 * crypto.writeTo(Path.of("crypto-config"));
 * }</pre>
 */
public final class NetworkCrypto {
  private static final Set<PosixFilePermission> KEY_MODE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-r--r--");
  private final Map<String, OrgCrypto> orgs;

  private NetworkCrypto(Map<String, OrgCrypto> orgs) {
    this.orgs = orgs;
  }

  /** Fresh keys and certificates for every org, node and user of {@code network}. */
  public static NetworkCrypto generate(FabricNetwork network) {
    Certificates certs = new Certificates(Instant.now());
    Map<String, OrgCrypto> orgs = new LinkedHashMap<>();
    for (OrdererOrg org : network.ordererOrgs()) {
      orgs.put(org.name(), OrgCrypto.generate(org, certs));
    }
    for (PeerOrg org : network.peerOrgs()) {
      orgs.put(org.name(), OrgCrypto.generate(org, certs));
    }
    return new NetworkCrypto(orgs);
  }

  /** The material of the org called {@code name} in the network spec. */
  public OrgCrypto org(String name) {
    OrgCrypto org = orgs.get(name);
    if (org == null) {
      throw new NoSuchElementException("'" + name + "' is not an org of this network (orgs: " + orgs.keySet() + ")");
    }
    return org;
  }

  /** Every org's material: orderer orgs first, each in the order the network lists it. */
  public List<OrgCrypto> orgs() {
    return Collections.unmodifiableList(new ArrayList<>(orgs.values()));
  }

  /**
   * Every file in cryptogen's layout, by path relative to its root, e.g.
   * {@code peerOrganizations/org1.example.com/peers/peer0.org1.example.com/tls/server.key}.
   * Holds private keys: keep it in secrets, never in config maps.
   */
  public Map<String, byte[]> files() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (OrgCrypto org : orgs.values()) {
      String root = (org.isOrdererOrg() ? "ordererOrganizations/" : "peerOrganizations/") + org.domain() + "/";
      org.files().forEach((path, bytes) -> files.put(root + path, bytes));
    }
    return files;
  }

  /** Whether the file at {@code path} (as in {@link #files()}) holds a private key. */
  public static boolean isPrivateKey(String path) {
    return path.endsWith("_sk") || path.endsWith(".key");
  }

  /** Writes {@link #files()} under {@code dir}, private keys readable by their owner only (where the file system has POSIX modes). */
  public void writeTo(Path dir) {
    write(files(), dir);
  }

  /** Writes {@code files} (as from any {@code files()} of this package) under {@code dir}, private keys with mode 0600. */
  public static void write(Map<String, byte[]> files, Path dir) {
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    try {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        Path target = dir.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        if (posix) {
          // Created with its final mode, so a key is never readable by others, even briefly.
          Files.deleteIfExists(target);
          Files.createFile(target, PosixFilePermissions.asFileAttribute(isPrivateKey(file.getKey()) ? KEY_MODE : FILE_MODE));
        }
        Files.write(target, file.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write crypto material under " + dir, e);
    }
  }

  @Override
  public String toString() {
    return "NetworkCrypto" + orgs.values();
  }
}
