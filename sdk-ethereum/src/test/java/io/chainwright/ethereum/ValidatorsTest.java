package io.chainwright.ethereum;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Network;
import io.chainwright.api.ValidationException;
import io.chainwright.api.Violation;
import io.chainwright.api.Workload;
import io.chainwright.api.volume.ConfigVolume;
import io.chainwright.api.volume.SecretVolume;
import io.chainwright.ethereum.common.PublicNetwork;
import io.chainwright.ethereum.validator.ValidatorClient;
import io.chainwright.ethereum.validator.ValidatorSpec;
import io.chainwright.ethereum.validator.Validators;
import io.chainwright.ethereum.validator.Web3Signer;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Validator clients sign through Web3Signer or their own keystores, and never sign one key twice. */
class ValidatorsTest {
  static final String KEY_A = "0x" + "a1".repeat(48);
  static final String KEY_B = "0x" + "b2".repeat(48);
  static final String FEES = "0x" + "fe".repeat(20);
  static final URI BEACON = Nodes.gethLighthouse().beaconApi();

  static ValidatorSpec.Builder client(String name, ValidatorClient client, String... keys) {
    return ValidatorSpec.builder().name(name).client(client).addPublicKeys(keys).addBeaconNodes(BEACON)
        .feeRecipient(FEES).graffiti("chainwright");
  }

  static Web3Signer signer() {
    return Web3Signer.builder().addPublicKeys(KEY_A, KEY_B).keystoreSecret("validator-keys").build();
  }

  static Validators.Builder withSigner() {
    return Validators.builder().name("staking").network(PublicNetwork.HOODI).web3Signer(signer());
  }

  private static Workload workload(Network network, String name) {
    return network.workload(name).orElseThrow();
  }

  @Test
  void aWeb3SignerSetupCompilesIntoSignerDatabaseAndClients() {
    Network network = withSigner()
        .addClient(client("vc-teku", ValidatorClient.TEKU, KEY_A, KEY_B).replicas(2).build())
        .build().toNetwork();

    assertThat(network.workloads()).extracting(Workload::name).containsExactly("web3signer-db", "web3signer", "vc-teku");
    assertThat(network.secrets()).extracting(s -> s.name()).containsExactly("web3signer-db-password", "validator-keys");
    List<String> signerArgs = workload(network, "web3signer").containers().get(0).args();
    assertThat(signerArgs).contains("eth2", "--network=hoodi",
        "--slashing-protection-db-url=jdbc:postgresql://web3signer-db:5432/web3signer",
        "--slashing-protection-db-username=web3signer", "--http-host-allowlist=web3signer,localhost,127.0.0.1",
        "--metrics-host-allowlist=web3signer,localhost,127.0.0.1")
        .noneMatch(a -> a.contains("password") || a.contains("*"));
    assertThat(workload(network, "web3signer").containers().get(0).hostAllowlistFlags())
        .containsExactly("--http-host-allowlist", "--metrics-host-allowlist");
    assertThat(workload(network, "vc-teku").containers().get(0).args()).contains("--metrics-host-allowlist=vc-teku,localhost,127.0.0.1");
    assertThat(workload(network, "vc-teku").containers().get(0).hostAllowlistFlags()).containsExactly("--metrics-host-allowlist");
    assertThat(workload(network, "web3signer").containers().get(0).env())
        .anySatisfy(e -> {
          assertThat(e.name()).isEqualTo("WEB3SIGNER_ETH2_SLASHING_PROTECTION_DB_PASSWORD");
          assertThat(e.secret().orElseThrow().secret()).isEqualTo("web3signer-db-password");
        });
    assertThat(workload(network, "web3signer").initContainers()).extracting(c -> c.name())
        .containsExactly("migrations-copy", "migrate");
    assertThat(workload(network, "vc-teku").containers().get(0).args()).contains("validator-client",
        "--beacon-node-api-endpoints=http://node-lighthouse:5052", "--validators-external-signer-url=http://web3signer:9000",
        "--validators-external-signer-public-keys=" + KEY_A + "," + KEY_B,
        "--validators-proposer-default-fee-recipient=" + FEES, "--validators-graffiti=chainwright");
    assertThat(workload(network, "vc-teku").dependsOn()).extracting(d -> d.workload()).containsExactly("web3signer");
  }

  @Test
  void theDatabasePasswordIsFreshAndOnlyInItsSecret() {
    Network first = withSigner().addClient(client("vc", ValidatorClient.TEKU, KEY_A).build()).build().toNetwork();
    Network second = withSigner().addClient(client("vc", ValidatorClient.TEKU, KEY_A).build()).build().toNetwork();
    String password = new String(first.secret("web3signer-db-password").orElseThrow().data().get("password").resolve(),
        StandardCharsets.US_ASCII);
    assertThat(password).hasSize(48);
    assertThat(second.secret("web3signer-db-password").orElseThrow().data().get("password"))
        .isNotEqualTo(first.secret("web3signer-db-password").orElseThrow().data().get("password"));

    Rendered rendered = Rendered.both(first);
    assertThat(rendered.compose().composeYaml()).doesNotContain(password);
    assertThat(rendered.compose().files().values()).noneMatch(text -> text.contains(password));
    assertThat(rendered.kubernetesYaml()).doesNotContain(password);
    assertThat(first.toString()).doesNotContain(password);
  }

  @Test
  void keyDefinitionsNameFilesButHoldNoSecret() {
    Network network = withSigner().addClient(client("vc", ValidatorClient.TEKU, KEY_A).build()).build().toNetwork();
    ConfigVolume config = (ConfigVolume) workload(network, "web3signer").volume("key-config").orElseThrow();
    assertThat(config.files()).containsOnlyKeys(KEY_A + ".yaml", KEY_B + ".yaml");
    assertThat(config.files().get(KEY_A + ".yaml")).contains("type: \"file-keystore\"",
        "keystoreFile: \"/keys/" + KEY_A + ".json\"", "keystorePasswordFile: \"/keys/" + KEY_A + ".txt\"");
  }

  @ParameterizedTest
  @EnumSource(ValidatorClient.class)
  void everyClientSignsThroughWeb3SignerAndRendersInBothBackends(ValidatorClient kind) {
    Network network = withSigner().addClient(client("vc", kind, KEY_A).replicas(2).build()).build().toNetwork();
    Rendered rendered = Rendered.both(network);

    StatefulSet vc = rendered.object(StatefulSet.class, "vc");
    assertThat(vc.getSpec().getReplicas()).isEqualTo(2);
    assertThat(vc.getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
        .singleElement().satisfies(t -> assertThat(t.getTopologyKey()).isEqualTo("topology.kubernetes.io/zone"));
    assertThat(rendered.object(Deployment.class, "web3signer").getSpec().getReplicas()).isEqualTo(2);
    assertThat(rendered.object(StatefulSet.class, "web3signer-db")).isNotNull();
    // Compose runs one service per replica; the workload's name stays an alias of each, so clients still reach the signer.
    assertThat(rendered.compose().composeYaml()).contains("  vc-0:", "  vc-1:", "  web3signer-0:", "  web3signer-db:")
        .contains("aliases:\n        - web3signer\n");
  }

  @Test
  void prysmSignsThroughWeb3SignerOverRest() {
    Network network = withSigner().addClient(client("vc", ValidatorClient.PRYSM, KEY_A).build()).build().toNetwork();
    assertThat(workload(network, "vc").containers().get(0).args()).contains("--accept-terms-of-use", "--hoodi",
        "--enable-beacon-rest-api", "--beacon-rest-api-provider=http://node-lighthouse:5052",
        "--validators-external-signer-url=http://web3signer:9000", "--validators-external-signer-public-keys=" + KEY_A,
        "--suggested-fee-recipient=" + FEES, "--graffiti=chainwright");
  }

  @Test
  void lodestarSignsThroughWeb3SignerWithTheKeysNamed() {
    Network network = withSigner().addClient(client("vc", ValidatorClient.LODESTAR, KEY_A, KEY_B).build()).build().toNetwork();
    Workload vc = workload(network, "vc");

    assertThat(vc.containers().get(0).args()).contains("validator", "--network=hoodi", "--dataDir=/data",
        "--beaconNodes=http://node-lighthouse:5052", "--externalSigner.urls=http://web3signer:9000",
        "--externalSigner.pubkeys=" + KEY_A + "," + KEY_B, "--suggestedFeeRecipient=" + FEES, "--graffiti=chainwright")
        .noneMatch(a -> a.startsWith("--keystoresDir") || a.startsWith("--secretsDir"));
    assertThat(vc.initContainers()).isEmpty();
  }

  /** Lodestar locks each keystore beside it, so keystores are copied to the data volume; passwords stay on the secret's mount. */
  @Test
  void lodestarReadsLocalKeystoresFromItsOwnLayoutAndPasswordsFromTheSecret() {
    Network network = Validators.builder().name("solo").network(PublicNetwork.MAINNET)
        .addClient(client("vc", ValidatorClient.LODESTAR, KEY_A, KEY_B).keystoreSecret("keys").build())
        .build().toNetwork();
    Workload vc = workload(network, "vc");

    assertThat(vc.containers().get(0).args()).contains("--keystoresDir=/data/keystores", "--secretsDir=/keystore-passwords");
    assertThat(vc.containers().get(0).mounts()).anySatisfy(m -> {
      assertThat(m.volume()).isEqualTo("keystore-passwords");
      assertThat(m.path()).isEqualTo("/keystore-passwords");
      assertThat(m.readOnly()).isTrue();
    });
    SecretVolume passwords = (SecretVolume) vc.volume("keystore-passwords").orElseThrow();
    assertThat(passwords.secret()).isEqualTo("keys");
    assertThat(passwords.items()).containsExactlyInAnyOrderEntriesOf(Map.of(KEY_A + ".txt", KEY_A, KEY_B + ".txt", KEY_B));
    assertThat(vc.initContainers()).singleElement().satisfies(init -> assertThat(String.join(" ", init.args()))
        .contains("cp /keys/" + KEY_A + ".json /data/keystores/" + KEY_A + "/voting-keystore.json",
            "cp /keys/" + KEY_B + ".json /data/keystores/" + KEY_B + "/voting-keystore.json")
        .doesNotContain(".txt"));
    Rendered.both(network);
  }

  @Test
  void aClientWhosePinnedReleaseDroppedTheNetworkIsRefused() {
    ValidationException e = Validation.refused(() -> Validators.builder()
        .name("old").network(PublicNetwork.HOLESKY).web3Signer(signer())
        .addClient(client("vc-lodestar", ValidatorClient.LODESTAR, KEY_A).build())
        .addClient(client("vc-teku", ValidatorClient.TEKU, KEY_B).build()).build());

    assertThat(e.violations()).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("clients[vc-lodestar].client");
      assertThat(v.message()).contains("holesky was shut down", "lodestar", "chainsafe/lodestar:v1.44.0", "hoodi");
    });
  }

  @Test
  void lighthouseLearnsItsRemoteKeysFromGeneratedDefinitions() {
    Network network = withSigner().addClient(client("vc", ValidatorClient.LIGHTHOUSE, KEY_A).build()).build().toNetwork();
    Workload vc = workload(network, "vc");
    assertThat(vc.containers().get(0).args()).contains("validator_client", "--network=hoodi",
        "--validators-dir=/data/validators", "--disable-auto-discover", "--init-slashing-protection",
        "--beacon-nodes=http://node-lighthouse:5052", "--suggested-fee-recipient=" + FEES);
    String definitions = ((ConfigVolume) vc.volume("definitions").orElseThrow()).files().get("validator_definitions.yml");
    assertThat(definitions).contains("voting_public_key: \"" + KEY_A + "\"", "type: web3signer", "url: \"http://web3signer:9000\"");
    assertThat(vc.initContainers()).singleElement().satisfies(init -> assertThat(String.join(" ", init.args()))
        .contains("/data/validators"));
  }

  @Test
  void localKeystoresAreMountedAndNamedPerKey() {
    Network network = Validators.builder().name("solo").network(PublicNetwork.MAINNET)
        .addClient(client("vc-lh", ValidatorClient.LIGHTHOUSE, KEY_A).keystoreSecret("keys-a").build())
        .addClient(client("vc-teku", ValidatorClient.TEKU, KEY_B).keystoreSecret("keys-b").zone("eu-west-1b").build())
        .build().toNetwork();
    String definitions = ((ConfigVolume) workload(network, "vc-lh").volume("definitions").orElseThrow()).files()
        .get("validator_definitions.yml");
    assertThat(definitions).contains("type: local_keystore", "voting_keystore_path: \"/keys/" + KEY_A + ".json\"",
        "voting_keystore_password_path: \"/keys/" + KEY_A + ".txt\"");
    assertThat(workload(network, "vc-teku").containers().get(0).args()).contains("--validator-keys=/keys:/keys");
    assertThat(workload(network, "vc-teku").scheduling().nodeSelector())
        .containsEntry("topology.kubernetes.io/zone", "eu-west-1b");
    Rendered.both(network);
  }

  @Test
  void twoActiveClientsWithTheSameKeyAreRefusedWithoutWeb3Signer() {
    ValidationException e = Validation.refused(() -> Validators.builder().name("risky").network(PublicNetwork.MAINNET)
        .addClient(client("vc-a", ValidatorClient.LIGHTHOUSE, KEY_A).keystoreSecret("keys").build())
        .addClient(client("vc-b", ValidatorClient.TEKU, KEY_B, KEY_A).keystoreSecret("keys").build())
        .build());
    assertThat(e.violations()).extracting(Violation::path).containsExactly("clients[vc-b].publicKeys");
    assertThat(e.getMessage()).contains(KEY_A, "vc-a", "slashed", "Web3Signer");
  }

  @Test
  void aStandbyClientMayHoldTheSameKeys() {
    Validators standby = Validators.builder().name("failover").network(PublicNetwork.MAINNET)
        .addClient(client("vc-a", ValidatorClient.LIGHTHOUSE, KEY_A).keystoreSecret("keys").build())
        .addClient(client("vc-b", ValidatorClient.TEKU, KEY_A).keystoreSecret("keys").replicas(0).build())
        .build();
    assertThat(standby.toNetwork().workload("vc-b").orElseThrow().replicas()).isZero();
  }

  @Test
  void sharedKeysAreAcceptedThroughWeb3Signer() {
    Network network = withSigner()
        .addClient(client("vc-a", ValidatorClient.LIGHTHOUSE, KEY_A).zone("zone-a").build())
        .addClient(client("vc-b", ValidatorClient.TEKU, KEY_A).zone("zone-b").build())
        .build().toNetwork();
    assertThat(network.workloads()).extracting(Workload::name).contains("vc-a", "vc-b");
  }

  @Test
  void aLocallySigningClientRunsOnceAndNeedsItsKeystores() {
    ValidationException e = Validation.refused(() -> Validators.builder().name("bad").network(PublicNetwork.MAINNET)
        .addClient(client("vc-a", ValidatorClient.TEKU, KEY_A).replicas(2).build())
        .addClient(client("vc-p", ValidatorClient.PRYSM, KEY_B).keystoreSecret("keys").build())
        .build());
    assertThat(e.violations()).extracting(Violation::path)
        .containsExactly("clients[vc-a].keystoreSecret", "clients[vc-a].replicas", "clients[vc-p].client");
  }

  @Test
  void clientsOfAWeb3SignerTakeNoKeystoresAndOnlyItsKeys() {
    String unknown = "0x" + "c3".repeat(48);
    ValidationException e = Validation.refused(() -> withSigner()
        .addClient(client("vc", ValidatorClient.TEKU, KEY_A, unknown).keystoreSecret("keys").build()).build());
    assertThat(e.violations()).extracting(Violation::path)
        .containsExactly("clients[vc].keystoreSecret", "clients[vc].publicKeys");
    assertThat(e.getMessage()).contains(unknown + " is not held by Web3Signer");
  }

  @Test
  void badKeysAddressesAndGraffitiAreReportedTogether() {
    ValidationException e = Validation.refused(() -> ValidatorSpec.builder().name("vc").client(ValidatorClient.TEKU)
        .addPublicKeys("0xABC").feeRecipient("nobody").graffiti("x".repeat(33)).build());
    assertThat(e.violations()).extracting(Violation::path).containsExactly("clients[vc].publicKeys",
        "clients[vc].beaconNodes", "clients[vc].feeRecipient", "clients[vc].graffiti");
  }

  @Test
  void aValidatorSetRoundTripsThroughYaml() {
    Validators validators = withSigner().addClient(client("vc", ValidatorClient.TEKU, KEY_A).build()).build();
    assertThat(io.chainwright.api.ModelMapper.fromYaml(io.chainwright.api.ModelMapper.toYaml(validators), Validators.class))
        .isEqualTo(validators);
  }
}
