package io.chainwright.ethereum.besu;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Network;
import io.chainwright.api.SecretValue;
import io.chainwright.api.ValidationException;
import io.chainwright.api.Violation;
import io.chainwright.api.Workload;
import io.chainwright.api.volume.ConfigVolume;
import io.chainwright.ethereum.Rendered;
import io.chainwright.ethereum.Validation;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

/** A QBFT network: validators with their own keys in the genesis, RPC nodes beside them, all as workloads. */
class BesuNetworkTest {
  private static BesuNetwork.Builder consortium() {
    return BesuNetwork.builder().name("consortium").chainId(1337);
  }

  private static String genesis(Network network) {
    return ((ConfigVolume) network.workload("consortium-validator-0").orElseThrow().volume("genesis").orElseThrow())
        .files().get("genesis.json");
  }

  private static String key(Network network, int validator) {
    return new String(network.secret("consortium-validator-" + validator + "-key").orElseThrow().data().get("key").resolve(),
        StandardCharsets.US_ASCII);
  }

  @Test
  void extraDataEncodesTheValidatorsAsBesuDoes() {
    // A four-validator genesis that Besu's own encoder produced.
    List<String> validators = List.of("0x48545d2f1c9e6ba009eecdc2115b1eb205579d14", "0xa68564b0d1bf751befbcaedd198aa2eb17ada8e7",
        "0x56f0a856d6759bf23408cee47b5b066bab84cd97", "0x5e0bc97008a86801d36ee5ea4c5caba352d88725");
    assertThat(QbftGenesis.extraData(validators)).isEqualTo("0xf87aa0" + "00".repeat(32) + "f854"
        + "9448545d2f1c9e6ba009eecdc2115b1eb205579d14" + "94a68564b0d1bf751befbcaedd198aa2eb17ada8e7"
        + "9456f0a856d6759bf23408cee47b5b066bab84cd97" + "945e0bc97008a86801d36ee5ea4c5caba352d88725" + "c080c0");
  }

  @Test
  void compilesOneWorkloadPerValidatorAndOneForTheRpcNodes() {
    Network network = consortium().build().toNetwork();
    assertThat(network.workloads()).extracting(Workload::name).containsExactly("consortium-validator-0",
        "consortium-validator-1", "consortium-validator-2", "consortium-validator-3", "consortium-rpc");
    assertThat(network.workload("consortium-rpc").orElseThrow().replicas()).isEqualTo(2);
    assertThat(network.secrets()).hasSize(4);

    String genesis = genesis(network);
    assertThat(genesis).contains("\"qbft\"", "\"blockperiodseconds\" : 2", "\"chainId\" : 1337", QbftGenesis.BFT_MIX_HASH);
    for (int i = 0; i < 4; i++) {
      String address = Credentials.create(key(network, i)).getAddress().substring(2);
      assertThat(genesis).as("validator " + i + " is in the extra data").contains(address);
      assertThat(genesis).doesNotContain(key(network, i).substring(2));
    }
    List<String> validatorArgs = network.workload("consortium-validator-1").orElseThrow().containers().get(0).args();
    assertThat(validatorArgs).contains("--node-private-key-file=/keys/key", "--Xdns-enabled=true", "--sync-mode=FULL",
        "--rpc-http-api=ETH,NET,WEB3,QBFT", "--genesis-file=/genesis/genesis.json");
    assertThat(validatorArgs).filteredOn(a -> a.startsWith("--bootnodes=")).singleElement()
        .satisfies(b -> assertThat(b).contains("@consortium-validator-0:30303", "@consortium-validator-3:30303"));
    assertThat(network.workload("consortium-rpc").orElseThrow().containers().get(0).args())
        .contains("--rpc-http-api=ETH,NET,WEB3").noneMatch(a -> a.startsWith("--node-private-key-file"));
  }

  @Test
  void rendersInBothBackendsWithKeysOnlyInTheirSecrets() {
    Network network = consortium().putBalance("0x" + "ab".repeat(20), BigInteger.TEN.pow(24)).build().toNetwork();
    Rendered rendered = Rendered.both(network);
    assertThat(rendered.object(StatefulSet.class, "consortium-rpc").getSpec().getReplicas()).isEqualTo(2);
    for (int i = 0; i < 4; i++) {
      String privateKey = key(network, i).substring(2);
      assertThat(rendered.compose().composeYaml()).doesNotContain(privateKey);
      assertThat(rendered.compose().files().values()).noneMatch(text -> text.contains(privateKey));
    }
  }

  @Test
  void givenKeysKeepTheSameChainAcrossCompiles() {
    List<SecretValue> keys = List.of(1, 2, 3, 4).stream()
        .map(i -> SecretValue.of(String.format("0x%064x", 1000 + i))).toList();
    BesuNetwork net = consortium().validatorKeys(keys).build();
    assertThat(genesis(net.toNetwork())).isEqualTo(genesis(net.toNetwork()));
    assertThat(genesis(consortium().build().toNetwork())).isNotEqualTo(genesis(consortium().build().toNetwork()));
  }

  @Test
  void badSettingsAreReportedTogether() {
    ValidationException e = Validation.refused(() -> consortium().validators(4)
        .validatorKeys(List.of(SecretValue.of("0x01"))).blockPeriodSeconds(0)
        .putBalance("nobody", BigInteger.ONE).build());
    assertThat(e.violations()).extracting(Violation::path)
        .containsExactly("blockPeriodSeconds", "validatorKeys", "balances");
  }
}
