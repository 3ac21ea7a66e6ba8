package io.chainwright.api.material;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.SecretValue;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InMemoryMaterialStoreTest {
  @Test
  void aNetworkViewMakesEachSecretOnceAndKeysItUnderItsNetwork() {
    MaterialStore store = MaterialStore.inMemory();
    Materials staking = store.forNetwork("staking");

    SecretValue first = staking.randomHex("geth", "jwt.hex", 32);
    SecretValue again = staking.randomHex("geth", "jwt.hex", 32);
    SecretValue otherNetwork = store.forNetwork("devnet").randomHex("geth", "jwt.hex", 32);

    assertThat(first.resolve()).hasSize(64).isEqualTo(again.resolve());
    assertThat(otherNetwork.resolve()).isNotEqualTo(first.resolve());
    assertThat(store.keys("staking")).containsExactly(MaterialKey.of("staking", "geth", "jwt.hex"));
  }

  @Test
  void ephemeralMaterialIsNewEachTime() {
    byte[] one = Materials.ephemeral().randomHex("geth", "jwt.hex", 32).resolve();
    byte[] two = Materials.ephemeral().randomHex("geth", "jwt.hex", 32).resolve();
    assertThat(one).isNotEqualTo(two);
  }

  @Test
  void callersCannotChangeWhatIsStored() {
    MaterialStore store = MaterialStore.inMemory();
    MaterialKey key = MaterialKey.of("n", "o", "k");
    byte[] got = store.getOrCreate(key, () -> "abc".getBytes(StandardCharsets.UTF_8));
    got[0] = 'x';
    assertThat(store.read(key)).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("abc"));
  }
}
