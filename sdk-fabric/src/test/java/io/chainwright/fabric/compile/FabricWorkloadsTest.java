package io.chainwright.fabric.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.EnvVar;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.ValidationException;
import io.chainwright.api.Workload;
import io.chainwright.compose.ComposeRenderer;
import io.chainwright.compose.ComposeSchema;
import io.chainwright.fabric.Chaincode;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.Networks;
import io.chainwright.fabric.Peer;
import io.chainwright.fabric.PeerOrg;
import io.chainwright.fabric.crypto.NetworkCrypto;
import io.chainwright.kubernetes.KubernetesBackend;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FabricWorkloadsTest {
  static final FabricNetwork FABRIC = FabricNetwork.builder().from(Networks.twoOrgs())
      .chaincodes(List.of(Chaincode.builder().from(Networks.twoOrgs().chaincodes().get(0))
          .image(Image.of("example/asset-chaincode:1.0")).build()))
      .build();
  static final NetworkCrypto CRYPTO = NetworkCrypto.generate(FABRIC);
  static final Network NETWORK = FabricWorkloads.toNetwork(FABRIC, CRYPTO);

  private static Workload workload(String name) {
    return NETWORK.workload(name).orElseThrow(() -> new AssertionError("no workload " + name));
  }

  @Test
  void everyOrgGetsItsCasAndEveryNodeAndChaincodeServerAWorkload() {
    assertThat(NETWORK.workloads()).extracting(Workload::name).containsExactlyInAnyOrder(
        "ord-ca", "ord-tlsca", "ord-orderer0", "ord-orderer1", "ord-orderer2",
        "org1-ca", "org1-tlsca", "org1-peer0", "org1-peer1",
        "org2-ca", "org2-tlsca", "org2-peer0", "org2-peer1",
        "org1-cc-asset", "org2-cc-asset");
  }

  @Test
  void theOrdererAdminPortNeverLeavesTheNetworkAndTlsIsOnEverywhere() {
    Workload orderer = workload("ord-orderer0");
    Port admin = orderer.containers().get(0).ports().stream().filter(p -> p.name().equals(FabricPorts.ADMIN)).findFirst().orElseThrow();

    assertThat(admin.internalOnly()).isTrue();
    assertThat(config(orderer, "orderer.yaml"))
        .contains("  TLS:\n    Enabled: true", "BootstrapMethod: none", "ClientAuthRequired: true\n    ClientRootCAs: [/var/hyperledger/crypto/tls/ca.crt]");
    assertThat(config(workload("org1-peer0"), "core.yaml")).contains("  tls:\n    enabled: true");
    assertThat(env(workload("org1-ca"), "FABRIC_CA_SERVER_TLS_ENABLED")).isEqualTo("true");
  }

  @Test
  void peersAnnounceTheAddressTheirTlsCertificateNames() throws Exception {
    Workload peer = workload("org1-peer0");
    X509Certificate tls = CRYPTO.org("org1").node("peer0").tls().certificate();

    assertThat(config(peer, "core.yaml")).contains("  address: org1-peer0:7051", "    bootstrap: org1-peer1:7051");
    assertThat(tls.getSubjectAlternativeNames().stream().map(san -> san.get(1).toString())).contains("org1-peer0", "peer0.org1.example.com");
  }

  @Test
  void aCouchDbPeerGetsASidecarWhosePasswordIsAFreshSecretNeverALiteral() {
    Workload couch = workload("org1-peer1");
    EnvVar password = couch.containers().get(0).env().stream()
        .filter(e -> e.name().equals("CORE_LEDGER_STATE_COUCHDBCONFIG_PASSWORD")).findFirst().orElseThrow();

    assertThat(couch.sidecars()).extracting(c -> c.name()).containsExactly("couchdb");
    assertThat(password.value()).isEmpty();
    assertThat(password.secret()).hasValueSatisfying(ref -> assertThat(ref.secret()).isEqualTo("org1-peer1-couchdb"));
    assertThat(workload("org1-peer0").sidecars()).isEmpty();
    assertThat(config(workload("org1-peer0"), "core.yaml")).contains("stateDatabase: goleveldb");
    assertThat(config(couch, "core.yaml")).contains("stateDatabase: CouchDB").doesNotContain(
        new String(NETWORK.secret("org1-peer1-couchdb").orElseThrow().data().get("password").resolve(), java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Test
  void theChaincodeServerRunsUnderThePackageIdItsOrgsPeersInstall() {
    String packageId = FabricWorkloads.chaincodePackage(FABRIC, CRYPTO, "org2", "asset").packageId();

    assertThat(env(workload("org2-cc-asset"), "CHAINCODE_ID")).isEqualTo(packageId);
    assertThat(FabricWorkloads.chaincodePackage(FABRIC, CRYPTO, "org2", "asset").connectionJson())
        .contains("org2-cc-asset:9999").contains("\"tls_required\":true");
  }

  @Test
  void rendersTypedKubernetesObjectsWithKeysOnlyInSecrets() {
    List<HasMetadata> read = ((List<?>) new KubernetesSerialization()
        .unmarshal(KubernetesBackend.create().render(NETWORK).yaml())).stream().map(HasMetadata.class::cast).toList();

    assertThat(read).filteredOn(StatefulSet.class::isInstance).hasSize(13);
    assertThat(read).filteredOn(ConfigMap.class::isInstance).map(Object::toString)
        .noneMatch(s -> s.contains("PRIVATE KEY") || s.contains("CERTIFICATE"));
    assertThat(read).filteredOn(o -> !(o instanceof Secret)).map(Object::toString)
        .noneMatch(s -> s.contains("PRIVATE KEY"));
    assertThat(read).filteredOn(NetworkPolicy.class::isInstance).isNotEmpty();
  }

  @Test
  void rendersACompliantComposeProject() {
    assertThat(ComposeSchema.load().problems(ComposeRenderer.render(NETWORK).composeYaml())).isEmpty();
  }

  @Test
  void isolationLetsPeersReachOrderersAndEachOtherButNotTheCas() {
    var rules = FabricIsolation.rules(FABRIC, FabricTarget.containers());

    assertThat(rules).anySatisfy(r -> {
      assertThat(r.workload()).isEqualTo("ord-orderer0");
      assertThat(r.peer().name()).isEqualTo("org2-peer1");
      assertThat(r.ports()).containsExactly(FabricPorts.GRPC);
    });
    assertThat(rules).filteredOn(r -> r.workload().endsWith("-ca")).isNotEmpty().allSatisfy(r -> assertThat(r.ports()).containsExactly(FabricPorts.OPERATIONS));
  }

  @Test
  void aNodeWhoseWorkloadWouldMeetAnotherIsRefusedWithItsPath() {
    PeerOrg clash = PeerOrg.builder().from(Networks.peerOrg(1)).peers(List.of(Peer.of("peer0"), Peer.of("ca"))).build();

    assertThatThrownBy(() -> FabricNetwork.builder().from(Networks.twoOrgs()).peerOrgs(List.of(clash, Networks.peerOrg(2))).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).extracting(Object::toString)
            .containsExactly("peerOrgs[org1].peers[ca].name: makes workload 'org1-ca', as peerOrgs[org1].name already does"));
  }

  @Test
  void onHostProcessesPeersUseTheSdkBuilderAndNeitherCasNorChaincodeServersRun() {
    Network host = FabricWorkloads.toNetwork(FABRIC, CRYPTO, FabricTarget.hostProcesses(java.nio.file.Path.of("builder")));

    assertThat(host.workloads()).extracting(Workload::name).noneMatch(n -> n.endsWith("-ca") || n.endsWith("-tlsca") || n.contains("-cc-"));
    assertThat(config(host.workload("org1-peer0").orElseThrow(), "core.yaml"))
        .contains("name: chainwright-ccaas", "path: " + java.nio.file.Path.of("builder").toAbsolutePath());
  }

  private static String config(Workload w, String file) {
    return w.volumes().stream().filter(io.chainwright.api.volume.ConfigVolume.class::isInstance).map(io.chainwright.api.volume.ConfigVolume.class::cast)
        .flatMap(c -> java.util.Optional.ofNullable(c.files().get(file)).stream()).findFirst()
        .orElseThrow(() -> new AssertionError(w.name() + " has no " + file));
  }

  private static String env(Workload w, String name) {
    return w.containers().get(0).env().stream().filter(e -> e.name().equals(name)).findFirst()
        .flatMap(EnvVar::value).orElseThrow(() -> new AssertionError(w.name() + " has no literal " + name));
  }
}
