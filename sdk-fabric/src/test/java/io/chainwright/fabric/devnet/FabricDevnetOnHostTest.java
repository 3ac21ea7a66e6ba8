package io.chainwright.fabric.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.ConfigVolume;
import io.chainwright.api.Container;
import io.chainwright.api.DataVolume;
import io.chainwright.api.Dependency;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Probe;
import io.chainwright.api.Volume;
import io.chainwright.api.VolumeMount;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.backend.ProgressListener;
import io.chainwright.compose.host.HostDeployment;
import io.chainwright.compose.host.HostRuntime;
import io.chainwright.fabric.Channel;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.NetworkMode;
import io.chainwright.fabric.Orderer;
import io.chainwright.fabric.OrdererOrg;
import io.chainwright.fabric.Peer;
import io.chainwright.fabric.PeerOrg;
import io.chainwright.fabric.chaincode.CcaasBuilder;
import io.chainwright.fabric.chaincode.ChaincodePackage;
import io.chainwright.fabric.channel.ChannelGenesis;
import io.chainwright.fabric.client.ChaincodeDefinition;
import io.chainwright.fabric.client.ClientTls;
import io.chainwright.fabric.client.CommittedChaincode;
import io.chainwright.fabric.client.Endpoint;
import io.chainwright.fabric.client.FabricGateway;
import io.chainwright.fabric.client.FabricIdentity;
import io.chainwright.fabric.client.InstalledChaincode;
import io.chainwright.fabric.client.Lifecycle;
import io.chainwright.fabric.client.OrdererAdmin;
import io.chainwright.fabric.client.OrdererChannel;
import io.chainwright.fabric.client.PeerAdmin;
import io.chainwright.fabric.client.TestPki;
import io.chainwright.fabric.crypto.MemberCrypto;
import io.chainwright.fabric.crypto.NetworkCrypto;
import io.chainwright.fabric.crypto.OrgCrypto;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.client.identity.Identities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Fabric network on host processes: one orderer and one peer run from Fabric's binaries
 * with crypto material and a channel genesis block made in Java, then every client step from
 * channel join to a committed transaction on a Java chaincode server that the peer reaches over TLS.
 */
class FabricDevnetOnHostTest {
  private static final Logger LOG = LoggerFactory.getLogger(FabricDevnetOnHostTest.class);
  private static final String CHANNEL = "devchannel";
  private static final Duration CALLS = Duration.ofSeconds(60);

  @TempDir Path builder;
  @TempDir Path chaincodeFiles;

  static FabricNetwork spec() {
    return FabricNetwork.builder()
        .name("devnet")
        .mode(NetworkMode.DEVNET)
        .addOrdererOrg(OrdererOrg.builder().name("ord").mspId("OrdererMSP").domain("example.com")
            .addOrderer(Orderer.of("orderer0")).build())
        .addPeerOrg(PeerOrg.builder().name("org1").mspId("Org1MSP").domain("org1.example.com")
            .addPeer(Peer.of("peer0")).addAnchorPeer("peer0").addUser("User1").build())
        // A devnet cuts blocks quickly: every lifecycle step and transaction waits for one.
        .addChannel(Channel.builder().name(CHANNEL).addMember("org1").batchTimeout("250ms").build())
        .build();
  }

  @Test
  void joinsInstallsCommitsAndTransactsOnRealBinaries() throws Exception {
    FabricBinaries binaries = FabricBinaries.requireOrSkip();
    long start = System.nanoTime();
    FabricNetwork spec = spec();
    NetworkCrypto crypto = NetworkCrypto.generate(spec);
    byte[] genesis = ChannelGenesis.block(spec, CHANNEL, crypto).toByteArray();
    OrgCrypto ordererOrg = crypto.org("ord");
    OrgCrypto org1 = crypto.org("org1");
    Orderer orderer = spec.ordererOrgs().get(0).orderers().get(0);
    Peer peer = spec.peerOrgs().get(0).peers().get(0);
    CcaasBuilder.writeTo(builder);

    Network network = network(spec, ordererOrg, org1, orderer, peer, builder);
    HostRuntime runtime = HostRuntime.builder()
        .binary("hyperledger/fabric-orderer", binaries.orderer())
        .binary("hyperledger/fabric-peer", binaries.peer())
        .stopGrace(Duration.ofSeconds(5))
        .build();

    try (HostDeployment devnet = runtime.deploy(network, ProgressListener.none())) {
      devnet.awaitReady(Duration.ofSeconds(60), ProgressListener.none());
      long ready = System.nanoTime();

      MemberCrypto ordererAdminUser = ordererOrg.admin();
      try (OrdererAdmin ordererAdmin = OrdererAdmin.connect(Endpoint.of(devnet.endpoint("orderer0", "admin")),
          ClientTls.trusting(ordererOrg.tlsCa().certificate())
              .withClientCertificate(ordererAdminUser.tls().certificate(), ordererAdminUser.tls().privateKey()),
          CALLS)) {
        runEveryStep(devnet, ordererAdmin, genesis, org1);
      }
      LOG.info("Fabric devnet: crypto, genesis and processes ready in {} ms; first transaction committed {} ms later",
          (ready - start) / 1_000_000, (System.nanoTime() - ready) / 1_000_000);
    }
  }

  private void runEveryStep(HostDeployment devnet, OrdererAdmin ordererAdmin, byte[] genesis, OrgCrypto org1)
      throws Exception {
    OrdererChannel joined = ordererAdmin.join(genesis);
    assertThat(joined.name()).isEqualTo(CHANNEL);
    assertThat(joined.consensusRelation()).isEqualTo("consenter");
    assertThat(ordererAdmin.channels()).containsExactly(CHANNEL);

    FabricIdentity orgAdmin = identity(org1.admin());
    ClientTls peerTls = ClientTls.trusting(org1.tlsCa().certificate());
    Endpoint peerEndpoint = Endpoint.of(devnet.endpoint("peer0-org1", "peer"));
    try (PeerAdmin peerAdmin = PeerAdmin.connect(peerEndpoint, peerTls, orgAdmin, CALLS)) {
      peerAdmin.joinChannel(genesis);
      assertThat(peerAdmin.channels()).containsExactly(CHANNEL);

      InetSocketAddress chaincodeAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(), freePort());
      TestPki.Issued chaincodeCa = TestPki.ca("tlsca.kv.example.com");
      TestPki.Issued chaincodeTls = TestPki.leaf(chaincodeCa, "kv.example.com", List.of("localhost"), List.of("127.0.0.1"));
      Path certificate = Files.writeString(chaincodeFiles.resolve("server.crt"), Identities.toPemString(chaincodeTls.certificate()));
      Path key = Files.writeString(chaincodeFiles.resolve("server.key"), Identities.toPemString(chaincodeTls.key()));
      ChaincodePackage kvPackage = ChaincodePackage.builder().label("kv_1.0")
          .address("127.0.0.1:" + chaincodeAddress.getPort())
          .rootCertificatePem(Identities.toPemString(chaincodeCa.certificate()))
          .build();
      InstalledChaincode installed = peerAdmin.install(kvPackage.bytes());
      assertThat(installed).isEqualTo(new InstalledChaincode(kvPackage.packageId(), "kv_1.0"));
      assertThat(peerAdmin.installed()).contains(installed);
      assertThat(peerAdmin.install(kvPackage.bytes())).as("installing again").isEqualTo(installed);

      try (KvChaincode kv = new KvChaincode(installed.packageId(), chaincodeAddress, certificate, key);
          FabricGateway adminGateway = FabricGateway.connect(peerEndpoint, peerTls, orgAdmin, CALLS)) {
        Lifecycle lifecycle = adminGateway.lifecycle(CHANNEL);
        ChaincodeDefinition definition = ChaincodeDefinition.of("kv", "1.0", 1).withPackageId(installed.packageId());
        lifecycle.approveForMyOrg(definition);
        assertThat(lifecycle.commitReadiness(definition)).isEqualTo(Map.of("Org1MSP", true));
        lifecycle.commit(definition);
        assertThat(lifecycle.committed("kv")).get().extracting(CommittedChaincode::version, CommittedChaincode::sequence)
            .containsExactly("1.0", 1L);

        try (FabricGateway user = FabricGateway.connect(peerEndpoint, peerTls, identity(org1.user("User1")), CALLS)) {
          assertThat(new String(user.submit(CHANNEL, "kv", "put", "colour", "green"), StandardCharsets.UTF_8))
              .isEqualTo("green");
          assertThat(new String(user.evaluate(CHANNEL, "kv", "get", "colour"), StandardCharsets.UTF_8))
              .isEqualTo("green");
        }
      }
    }
    assertThat(ordererAdmin.channel(CHANNEL).height()).as("blocks: genesis, approve, commit, put").isGreaterThanOrEqualTo(4);
  }

  private static FabricIdentity identity(MemberCrypto member) {
    return new FabricIdentity(member.mspId(), member.signing().certificate(), member.signing().privateKey());
  }

  private static Network network(FabricNetwork spec, OrgCrypto ordererOrg, OrgCrypto org1, Orderer orderer, Peer peer,
      Path builder) {
    Network.Builder network = Network.builder().name("fabric-devnet");

    SecretFolders ordererCrypto = SecretFolders.of("orderer0", "", ordererOrg.node(orderer.name()).files(), "/etc/hyperledger/fabric");
    network.addWorkload(Workload.builder().name("orderer0").kind(WorkloadKind.STATEFUL)
        .addContainer(Container.builder().name("orderer0").image(Image.of("hyperledger/fabric-orderer:2.4"))
            .addCommand("orderer")
            .addEnv(EnvVar.literal("FABRIC_CFG_PATH", NodeConfigs.CONFIG))
            .addPorts(Port.tcp("orderer", orderer.port()), Port.tcp("admin", orderer.adminPort()),
                Port.tcp("operations", orderer.operationsPort()))
            .addMount(VolumeMount.readOnly("config", NodeConfigs.CONFIG))
            .addMount(VolumeMount.of("data", NodeConfigs.DATA))
            .addAllMounts(ordererCrypto.mounts())
            // Health answers before the admin API listens; the admin port is what the test calls first.
            .readiness(Probe.tcp("admin"))
            .build())
        .addVolume(ConfigVolume.builder().name("config").putFile("orderer.yaml", NodeConfigs.ordererYaml(
            ordererOrg.mspId(), orderer.port(), orderer.adminPort(), orderer.operationsPort())).build())
        .addVolume(DataVolume.of("data", "1Gi"))
        .addAllVolumes(ordererCrypto.volumes())
        .build());
    network.addAllSecrets(ordererCrypto.secrets());

    String ordererHost = spec.ordererOrgs().get(0).host(orderer.name()) + ":" + orderer.port();
    List<Volume> peerVolumes = new ArrayList<>();
    SecretFolders peerCrypto = SecretFolders.of("peer0-org1", "", org1.node(peer.name()).files(), "/etc/hyperledger/fabric");
    SecretFolders ordererTls = SecretFolders.of("peer0-org1", "orderer-tls",
        Map.of("ca.crt", ordererOrg.tlsCa().certificatePem().getBytes(StandardCharsets.UTF_8)), NodeConfigs.ORDERER_TLS);
    peerVolumes.addAll(peerCrypto.volumes());
    peerVolumes.addAll(ordererTls.volumes());
    network.addWorkload(Workload.builder().name("peer0-org1").kind(WorkloadKind.STATEFUL)
        .addContainer(Container.builder().name("peer0-org1").image(Image.of("hyperledger/fabric-peer:2.4"))
            .addCommand("peer", "node", "start")
            .addEnv(EnvVar.literal("FABRIC_CFG_PATH", NodeConfigs.CONFIG))
            .addPorts(Port.tcp("peer", peer.port()), Port.tcp("chaincode", peer.chaincodePort()),
                Port.tcp("operations", peer.operationsPort()))
            .addMount(VolumeMount.readOnly("config", NodeConfigs.CONFIG))
            .addMount(VolumeMount.of("data", NodeConfigs.DATA))
            .addAllMounts(peerCrypto.mounts())
            .addAllMounts(ordererTls.mounts())
            // Health answers before the gRPC listener exists; a connection to it then waits for service.
            .readiness(Probe.tcp("peer"))
            .build())
        .addVolume(ConfigVolume.builder().name("config").putFile("core.yaml", NodeConfigs.coreYaml(
            org1.node(peer.name()).id(), org1.mspId(), "peer0-org1", peer.port(), peer.chaincodePort(),
            peer.operationsPort(), ordererHost, "orderer0:" + orderer.port(), builder)).build())
        .addVolume(DataVolume.of("data", "1Gi"))
        .addAllVolumes(peerVolumes)
        .addDependsOn(Dependency.ready("orderer0"))
        .build());
    network.addAllSecrets(peerCrypto.secrets());
    network.addAllSecrets(ordererTls.secrets());
    return network.build();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
