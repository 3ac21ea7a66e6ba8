package io.chainwright.fabric.crypto;

import io.chainwright.api.MaterialException;
import io.chainwright.api.material.MaterialKey;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.api.material.Materials;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.OrdererOrg;
import io.chainwright.fabric.PeerOrg;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The crypto material of a whole network: one {@link OrgCrypto} per orderer and peer org, by org
 * name. Each identity is made once in a material store and read back on every later load, so a
 * network rendered again keeps its CAs, and a peer added to an org gets one new certificate from
 * the org's existing CA while nothing else changes. It can be written out in cryptogen's layout.
 *
 * <pre>{@code
 * NetworkCrypto crypto = NetworkCrypto.load(network, MaterialStore.directory(Path.of("materials")));
 * X509Certificate cert = crypto.org("org1").node("peer0").tls().certificate();
 * crypto.expiringWithin(Duration.ofDays(30));   // what to renew, with owner and date
 * crypto = crypto.renew("org1", "peer0");       // new keys and certificates from the same CAs
 * }</pre>
 */
public final class NetworkCrypto {
  private static final Set<PosixFilePermission> KEY_MODE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-r--r--");
  private static final Set<String> CERTIFICATE_NAMES = Set.of(Issuer.CA, Issuer.TLS_CA, Issuer.SIGNING, Issuer.TLS);
  private final FabricNetwork network;
  private final Materials materials;
  private final Map<String, OrgCrypto> orgs;

  private NetworkCrypto(FabricNetwork network, Materials materials, Map<String, OrgCrypto> orgs) {
    this.network = network;
    this.materials = materials;
    this.orgs = orgs;
  }

  /**
   * The keys and certificates of every org, node and user of {@code network}, kept in
   * {@code store} under the network's name: made the first time, read back after.
   *
   * @throws MaterialException when a kept piece is unreadable, or a kept certificate was not issued by its CA's kept one
   */
  public static NetworkCrypto load(FabricNetwork network, MaterialStore store) {
    return load(network, store.forNetwork(network.name()));
  }

  /** As {@link #load(FabricNetwork, MaterialStore)}, in one network's view of a store. */
  public static NetworkCrypto load(FabricNetwork network, Materials materials) {
    Issuer issuer = new Issuer(materials);
    Map<String, OrgCrypto> orgs = new LinkedHashMap<>();
    for (OrdererOrg org : network.ordererOrgs()) {
      orgs.put(org.name(), OrgCrypto.load(org, issuer));
    }
    for (PeerOrg org : network.peerOrgs()) {
      orgs.put(org.name(), OrgCrypto.load(org, issuer));
    }
    return new NetworkCrypto(network, materials, orgs);
  }

  /** Fresh keys and certificates for every org, node and user of {@code network}, kept in memory only: for devnets and tests. */
  public static NetworkCrypto generate(FabricNetwork network) {
    return load(network, MaterialStore.inMemory());
  }

  /** The material store view the identities are kept in. */
  public Materials materials() {
    return materials;
  }

  /**
   * Every certificate kept for this network (CAs, nodes, users and the servers orgs run) that is no
   * longer valid {@code within} from now, soonest first.
   */
  public List<CertificateExpiry> expiringWithin(Duration within) {
    return expiringBefore(Instant.now().plus(within));
  }

  /** Every certificate kept for this network whose validity ends before {@code deadline}, soonest first. */
  public List<CertificateExpiry> expiringBefore(Instant deadline) {
    return certificates().stream().filter(c -> c.notAfter().isBefore(deadline)).toList();
  }

  /** Every certificate kept for this network, with its owner and expiry, soonest first. */
  public List<CertificateExpiry> certificates() {
    List<CertificateExpiry> all = new ArrayList<>();
    for (MaterialKey key : materials.store().keys(materials.network())) {
      if (CERTIFICATE_NAMES.contains(key.name())) {
        byte[] bundle = materials.store().read(key).orElseThrow(() -> new MaterialException("Stored identity " + key + " vanished while listing"));
        Identity identity = Issuer.parse(key, bundle);
        all.add(new CertificateExpiry(key, identity.commonName(), identity.notAfter()));
      }
    }
    all.sort(Comparator.comparing(CertificateExpiry::notAfter).thenComparing(c -> c.key().path()));
    return all;
  }

  /**
   * This network's crypto with new signing and TLS keys and certificates for the node or user
   * {@code member} of org {@code org}, issued by the org's same CAs; the old ones are retired in the
   * store. Render the network again to get the updated secrets.
   */
  public NetworkCrypto renew(String org, String member) {
    String id = org(org).member(member).id();
    return renewed(materials.key(id, Issuer.SIGNING), materials.key(id, Issuer.TLS));
  }

  /**
   * This network's crypto with a new certificate and key in place of {@code expiring}, from the
   * same CA. CAs themselves are not renewed here: a new CA is a new trust root for every member.
   */
  public NetworkCrypto renew(CertificateExpiry expiring) {
    if (expiring.isCa()) {
      throw new IllegalArgumentException(expiring.key() + " is a CA: renewing it would change the trust root of "
          + expiring.owner() + "; rotate the CA and every member certificate it issued instead");
    }
    return renewed(expiring.key());
  }

  /** This network's crypto after retiring {@code keys}, which the load makes anew from their CAs. */
  private NetworkCrypto renewed(MaterialKey... keys) {
    for (MaterialKey key : keys) {
      materials.store().rotate(key);
    }
    return load(network, materials);
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
