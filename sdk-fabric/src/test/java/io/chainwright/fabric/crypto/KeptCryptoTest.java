package io.chainwright.fabric.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.MaterialException;
import io.chainwright.api.material.MaterialKey;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.Networks;
import io.chainwright.fabric.Peer;
import io.chainwright.fabric.PeerOrg;
import io.chainwright.fabric.compile.FabricWorkloads;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crypto kept in a material store: made once, read back, grown one peer at a time, renewed from the same CAs. */
class KeptCryptoTest {
  private static final FabricNetwork NETWORK = Networks.twoOrgs();

  @Test
  void aSecondLoadFromOneStoreGivesTheSameFilesAndTheSameRenderedNetwork(@TempDir Path dir) {
    NetworkCrypto first = NetworkCrypto.load(NETWORK, MaterialStore.directory(dir));
    // A new store object on the same folder, as a second render in a new JVM would open it.
    NetworkCrypto second = NetworkCrypto.load(NETWORK, MaterialStore.directory(dir));

    assertSameFiles(second.files(), first.files());
    assertThat(FabricWorkloads.toNetwork(NETWORK, second)).isEqualTo(FabricWorkloads.toNetwork(NETWORK, first));
  }

  @Test
  void storesOfTheirOwnGiveEachNetworkItsOwnCas() {
    X509Certificate one = NetworkCrypto.load(NETWORK, MaterialStore.inMemory()).org("org1").ca().certificate();
    X509Certificate other = NetworkCrypto.load(NETWORK, MaterialStore.inMemory()).org("org1").ca().certificate();

    assertThat(other).isNotEqualTo(one);
  }

  @Test
  void aPeerAddedToAnOrgGetsOneNewIdentityFromTheOrgsCaAndNothingElseChanges() throws Exception {
    MaterialStore store = MaterialStore.inMemory();
    NetworkCrypto before = NetworkCrypto.load(NETWORK, store);
    Set<MaterialKey> keysBefore = new HashSet<>(store.keys(NETWORK.name()));

    NetworkCrypto after = NetworkCrypto.load(withPeer2InOrg1(), store);

    Set<MaterialKey> added = new HashSet<>(store.keys(NETWORK.name()));
    added.removeAll(keysBefore);
    assertThat(added).extracting(MaterialKey::path)
        .containsExactlyInAnyOrder("trade/peer2.org1.example.com/signing.pem", "trade/peer2.org1.example.com/tls.pem");
    Map<String, byte[]> grown = after.files();
    before.files().forEach((path, bytes) -> assertThat(grown.get(path)).as(path).isEqualTo(bytes));
    MemberCrypto peer2 = after.org("org1").node("peer2");
    peer2.signing().certificate().verify(before.org("org1").ca().certificate().getPublicKey());
    peer2.tls().certificate().verify(before.org("org1").tlsCa().certificate().getPublicKey());
  }

  @Test
  void renewingANodeGivesItNewKeysFromTheSameCasAndLeavesTheRestAlone() throws Exception {
    NetworkCrypto before = NetworkCrypto.load(NETWORK, MaterialStore.inMemory());

    NetworkCrypto after = before.renew("org1", "peer0");

    MemberCrypto old = before.org("org1").node("peer0");
    MemberCrypto renewed = after.org("org1").node("peer0");
    assertThat(renewed.signing().certificate()).isNotEqualTo(old.signing().certificate());
    assertThat(renewed.tls().certificate()).isNotEqualTo(old.tls().certificate());
    assertThat(renewed.signing().privateKey()).isNotEqualTo(old.signing().privateKey());
    assertThat(after.org("org1").ca().certificate()).isEqualTo(before.org("org1").ca().certificate());
    renewed.signing().certificate().verify(after.org("org1").ca().certificate().getPublicKey());
    renewed.tls().certificate().verify(after.org("org1").tlsCa().certificate().getPublicKey());
    assertThat(after.org("org1").node("peer1").tls().certificate()).isEqualTo(before.org("org1").node("peer1").tls().certificate());
    assertThat(after.org("org2").admin().signing().certificate()).isEqualTo(before.org("org2").admin().signing().certificate());
  }

  @Test
  void renewingSomeoneWhoIsNotInTheOrgNamesWhoIs() {
    NetworkCrypto crypto = NetworkCrypto.generate(NETWORK);

    assertThatThrownBy(() -> crypto.renew("org1", "peer9"))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("peer9").hasMessageContaining("[peer0, peer1]").hasMessageContaining("User1");
  }

  @Test
  void expiringCertificatesAreListedWithOwnerAndDateSoonestFirst() {
    NetworkCrypto crypto = NetworkCrypto.generate(NETWORK);

    List<CertificateExpiry> all = crypto.certificates();
    // Three orgs, each with a CA, a TLS CA and four members (3 orderers + Admin; 2 peers + Admin + User1) holding signing and TLS.
    assertThat(all).hasSize(3 * (2 + 4 * 2));
    assertThat(all).extracting(CertificateExpiry::notAfter).isSorted();
    assertThat(all).filteredOn(c -> c.owner().equals("peer0.org1.example.com"))
        .extracting(CertificateExpiry::commonName).containsOnly("peer0.org1.example.com");
    assertThat(crypto.expiringWithin(Duration.ofDays(1))).isEmpty();
    assertThat(crypto.expiringWithin(Duration.ofDays(3651))).hasSameSizeAs(all);
  }

  @Test
  void aListedCertificateIsRenewedOnItsOwnButACaIsRefused() {
    NetworkCrypto crypto = NetworkCrypto.generate(NETWORK);
    CertificateExpiry tls = crypto.certificates().stream()
        .filter(c -> c.key().path().equals("trade/Admin@org2.example.com/tls.pem")).findFirst().orElseThrow();
    CertificateExpiry ca = crypto.certificates().stream().filter(CertificateExpiry::isCa).findFirst().orElseThrow();

    NetworkCrypto renewed = crypto.renew(tls);

    assertThat(renewed.org("org2").admin().tls().certificate()).isNotEqualTo(crypto.org("org2").admin().tls().certificate());
    assertThat(renewed.org("org2").admin().signing().certificate()).isEqualTo(crypto.org("org2").admin().signing().certificate());
    assertThatThrownBy(() -> crypto.renew(ca)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ca.key().path()).hasMessageContaining("trust root");
  }

  @Test
  void aCaRotatedUnderItsMembersIsAnErrorNamingTheMemberNotASilentlyBrokenNetwork() {
    MaterialStore store = MaterialStore.inMemory();
    NetworkCrypto.load(NETWORK, store);
    store.rotate(MaterialKey.of("trade", "org1.example.com", "ca.pem"));

    assertThatThrownBy(() -> NetworkCrypto.load(NETWORK, store))
        .isInstanceOf(MaterialException.class)
        .hasMessageContaining("trade/peer0.org1.example.com/signing.pem").hasMessageContaining("renew");
  }

  @Test
  void anUnreadableStoredIdentityIsAnErrorNamingIt() {
    MaterialStore store = MaterialStore.inMemory();
    store.getOrCreate(MaterialKey.of("trade", "example.com", "ca.pem"), () -> "not a certificate".getBytes());

    assertThatThrownBy(() -> NetworkCrypto.load(NETWORK, store))
        .isInstanceOf(MaterialException.class)
        .hasMessageContaining("trade/example.com/ca.pem").hasMessageContaining("unreadable");
  }

  private static FabricNetwork withPeer2InOrg1() {
    PeerOrg org1 = PeerOrg.builder().from(NETWORK.peerOrg("org1").orElseThrow()).addPeer(Peer.of("peer2")).build();
    return FabricNetwork.builder().from(NETWORK).peerOrgs(List.of(org1, NETWORK.peerOrg("org2").orElseThrow())).build();
  }

  private static void assertSameFiles(Map<String, byte[]> actual, Map<String, byte[]> expected) {
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    expected.forEach((path, bytes) -> assertThat(actual.get(path)).as(path).isEqualTo(bytes));
  }
}
