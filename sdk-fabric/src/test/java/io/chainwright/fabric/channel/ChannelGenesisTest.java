package io.chainwright.fabric.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.chainwright.api.ChainwrightException;
import io.chainwright.fabric.Channel;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.Networks;
import io.chainwright.fabric.OrdererOrg;
import io.chainwright.fabric.PeerOrg;
import io.chainwright.fabric.crypto.NetworkCrypto;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockDataHashingStructure;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.Capabilities;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HashingAlgorithm;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.ImplicitMetaPolicy;
import org.hyperledger.fabric.protos.common.LastConfig;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.OrdererAddresses;
import org.hyperledger.fabric.protos.common.OrdererBlockMetadata;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.Policy;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.MSPConfig;
import org.hyperledger.fabric.protos.orderer.BatchSize;
import org.hyperledger.fabric.protos.orderer.BatchTimeout;
import org.hyperledger.fabric.protos.orderer.ConsensusType;
import org.hyperledger.fabric.protos.orderer.etcdraft.ConfigMetadata;
import org.hyperledger.fabric.protos.orderer.etcdraft.Consenter;
import org.hyperledger.fabric.protos.peer.AnchorPeers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The genesis block decodes with Fabric's messages into the config configtxgen would write. */
class ChannelGenesisTest {
  private static final FabricNetwork NETWORK = FabricNetwork.builder().from(Networks.twoOrgs())
      .addPeerOrg(Networks.peerOrg(3))
      .addChannel(Channel.builder().name("pair").addMembers("org1", "org3").batchTimeout("250ms").maxMessageCount(50).build())
      .build();
  private static NetworkCrypto crypto;
  private static Block block;
  private static ConfigGroup channel;

  @BeforeAll
  static void generate() throws Exception {
    crypto = NetworkCrypto.generate(NETWORK);
    block = Block.parseFrom(ChannelGenesis.block(NETWORK, "trade", crypto).toByteArray());
    Payload payload = Payload.parseFrom(Envelope.parseFrom(block.getData().getData(0)).getPayload());
    channel = ConfigEnvelope.parseFrom(payload.getData()).getConfig().getChannelGroup();
  }

  private static <T> T value(ConfigGroup group, String key, com.google.protobuf.Parser<T> parser) throws Exception {
    assertThat(group.getValuesMap()).containsKey(key);
    assertThat(group.getValuesOrThrow(key).getModPolicy()).isEqualTo("Admins");
    return parser.parseFrom(group.getValuesOrThrow(key).getValue());
  }

  private static ImplicitMetaPolicy meta(ConfigGroup group, String key) throws Exception {
    Policy policy = group.getPoliciesOrThrow(key).getPolicy();
    assertThat(policy.getType()).isEqualTo(Policy.PolicyType.IMPLICIT_META_VALUE);
    return ImplicitMetaPolicy.parseFrom(policy.getValue());
  }

  private static SignaturePolicyEnvelope signature(ConfigGroup group, String key) throws Exception {
    Policy policy = group.getPoliciesOrThrow(key).getPolicy();
    assertThat(policy.getType()).isEqualTo(Policy.PolicyType.SIGNATURE_VALUE);
    return SignaturePolicyEnvelope.parseFrom(policy.getValue());
  }

  private static List<String> roles(SignaturePolicyEnvelope envelope) {
    return envelope.getIdentitiesList().stream().map(p -> {
      try {
        MSPRole role = MSPRole.parseFrom(p.getPrincipal());
        return role.getMspIdentifier() + "." + role.getRole().name().toLowerCase();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }).toList();
  }

  private static ByteString pem(String pem) {
    return ByteString.copyFrom(pem, StandardCharsets.US_ASCII);
  }

  @Test
  void isBlockZeroWithTheHashOfItsDataAndLastConfigZero() throws Exception {
    assertThat(block.getHeader().getNumber()).isZero();
    assertThat(block.getHeader().getPreviousHash()).isEmpty();
    byte[] expected = MessageDigest.getInstance("SHA-256").digest(block.getData().getData(0).toByteArray());
    assertThat(block.getHeader().getDataHash().toByteArray()).isEqualTo(expected);
    assertThat(block.getData().getDataCount()).isEqualTo(1);
    assertThat(block.getMetadata().getMetadataCount()).isEqualTo(5);
    Metadata lastConfig = Metadata.parseFrom(block.getMetadata().getMetadata(BlockMetadataIndex.LAST_CONFIG_VALUE));
    assertThat(LastConfig.parseFrom(lastConfig.getValue()).getIndex()).isZero();
    Metadata signatures = Metadata.parseFrom(block.getMetadata().getMetadata(BlockMetadataIndex.SIGNATURES_VALUE));
    assertThat(OrdererBlockMetadata.parseFrom(signatures.getValue()).getLastConfig().getIndex()).isZero();
  }

  @Test
  void carriesOneConfigTransactionForTheChannel() throws Exception {
    Payload payload = Payload.parseFrom(Envelope.parseFrom(block.getData().getData(0)).getPayload());
    ChannelHeader header = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
    assertThat(header.getType()).isEqualTo(HeaderType.CONFIG_VALUE);
    assertThat(header.getChannelId()).isEqualTo("trade");
    assertThat(header.getTxId()).hasSize(64);
    assertThat(ConfigEnvelope.parseFrom(payload.getData()).getConfig().getSequence()).isZero();
  }

  @Test
  void channelGroupHasHashingCapabilitiesAndImplicitPolicies() throws Exception {
    assertThat(channel.getGroupsMap()).containsOnlyKeys("Orderer", "Application");
    assertThat(value(channel, "HashingAlgorithm", HashingAlgorithm.parser()).getName()).isEqualTo("SHA256");
    assertThat(value(channel, "BlockDataHashingStructure", BlockDataHashingStructure.parser()).getWidth()).isEqualTo(0xFFFFFFFF);
    assertThat(value(channel, "Capabilities", Capabilities.parser()).getCapabilitiesMap()).containsOnlyKeys("V2_0");
    assertThat(channel.getPoliciesMap()).containsOnlyKeys("Readers", "Writers", "Admins");
    assertThat(meta(channel, "Admins").getRule()).isEqualTo(ImplicitMetaPolicy.Rule.MAJORITY);
    assertThat(meta(channel, "Readers").getRule()).isEqualTo(ImplicitMetaPolicy.Rule.ANY);
    assertThat(channel.getModPolicy()).isEqualTo("Admins");
  }

  @Test
  void ordererGroupRunsEtcdraftWithEveryOrdererAsConsenter() throws Exception {
    ConfigGroup orderer = channel.getGroupsOrThrow("Orderer");
    ConsensusType consensus = value(orderer, "ConsensusType", ConsensusType.parser());
    assertThat(consensus.getType()).isEqualTo("etcdraft");
    assertThat(consensus.getState()).isEqualTo(ConsensusType.State.STATE_NORMAL);
    ConfigMetadata raft = ConfigMetadata.parseFrom(consensus.getMetadata());
    assertThat(raft.getConsentersList()).extracting(Consenter::getHost, Consenter::getPort).containsExactly(
        org.assertj.core.groups.Tuple.tuple("ord-orderer0", 7050),
        org.assertj.core.groups.Tuple.tuple("ord-orderer1", 7050),
        org.assertj.core.groups.Tuple.tuple("ord-orderer2", 7050));
    ByteString tls = pem(crypto.org("ord").node("orderer1").tls().certificatePem());
    assertThat(raft.getConsenters(1).getServerTlsCert()).isEqualTo(tls);
    assertThat(raft.getConsenters(1).getClientTlsCert()).isEqualTo(tls);
    assertThat(raft.getOptions().getTickInterval()).isEqualTo("500ms");
    assertThat(raft.getOptions().getElectionTick()).isEqualTo(10);

    BatchSize batch = value(orderer, "BatchSize", BatchSize.parser());
    assertThat(batch.getMaxMessageCount()).isEqualTo(10);
    assertThat(batch.getAbsoluteMaxBytes()).isEqualTo(99 * 1024 * 1024);
    assertThat(batch.getPreferredMaxBytes()).isEqualTo(512 * 1024);
    assertThat(value(orderer, "BatchTimeout", BatchTimeout.parser()).getTimeout()).isEqualTo("2s");
    assertThat(value(orderer, "Capabilities", Capabilities.parser()).getCapabilitiesMap()).containsOnlyKeys("V2_0");
    assertThat(orderer.getPoliciesMap()).containsOnlyKeys("Readers", "Writers", "Admins", "BlockValidation");
    assertThat(meta(orderer, "BlockValidation").getSubPolicy()).isEqualTo("Writers");

    ConfigGroup ord = orderer.getGroupsOrThrow("OrdererMSP");
    assertThat(orderer.getGroupsMap()).containsOnlyKeys("OrdererMSP");
    assertThat(value(ord, "Endpoints", OrdererAddresses.parser()).getAddressesList())
        .containsExactly("ord-orderer0:7050", "ord-orderer1:7050", "ord-orderer2:7050");
    assertThat(roles(signature(ord, "Writers"))).containsExactly("OrdererMSP.member");
    assertThat(roles(signature(ord, "Admins"))).containsExactly("OrdererMSP.admin");
  }

  @Test
  void applicationGroupHoldsTheMemberOrgsWithTheirPoliciesAndAnchors() throws Exception {
    ConfigGroup app = channel.getGroupsOrThrow("Application");
    assertThat(app.getGroupsMap()).containsOnlyKeys("Org1MSP", "Org2MSP");
    assertThat(app.getPoliciesMap()).containsOnlyKeys("Readers", "Writers", "Admins", "LifecycleEndorsement", "Endorsement");
    assertThat(meta(app, "LifecycleEndorsement").getRule()).isEqualTo(ImplicitMetaPolicy.Rule.MAJORITY);
    assertThat(meta(app, "LifecycleEndorsement").getSubPolicy()).isEqualTo("Endorsement");
    assertThat(value(app, "Capabilities", Capabilities.parser()).getCapabilitiesMap()).containsOnlyKeys("V2_0");

    ConfigGroup org1 = app.getGroupsOrThrow("Org1MSP");
    assertThat(org1.getPoliciesMap()).containsOnlyKeys("Readers", "Writers", "Admins", "Endorsement");
    assertThat(roles(signature(org1, "Readers"))).containsExactly("Org1MSP.admin", "Org1MSP.peer", "Org1MSP.client");
    assertThat(roles(signature(org1, "Writers"))).containsExactly("Org1MSP.admin", "Org1MSP.client");
    assertThat(roles(signature(org1, "Endorsement"))).containsExactly("Org1MSP.peer");
    assertThat(signature(org1, "Endorsement").getRule().getNOutOf().getN()).isEqualTo(1);
    AnchorPeers anchors = value(org1, "AnchorPeers", AnchorPeers.parser());
    assertThat(anchors.getAnchorPeersList()).singleElement()
        .satisfies(a -> assertThat(a.getHost() + ":" + a.getPort()).isEqualTo("org1-peer0:7051"));
  }

  @Test
  void orgMspHoldsItsRootsAndNodeOus() throws Exception {
    MSPConfig msp = value(channel.getGroupsOrThrow("Application").getGroupsOrThrow("Org2MSP"), "MSP", MSPConfig.parser());
    assertThat(msp.getType()).isZero();
    FabricMSPConfig config = FabricMSPConfig.parseFrom(msp.getConfig());
    ByteString ca = pem(crypto.org("org2").ca().certificatePem());
    assertThat(config.getName()).isEqualTo("Org2MSP");
    assertThat(config.getRootCertsList()).containsExactly(ca);
    assertThat(config.getTlsRootCertsList()).containsExactly(pem(crypto.org("org2").tlsCa().certificatePem()));
    assertThat(config.getAdminsList()).isEmpty();
    assertThat(config.getCryptoConfig().getSignatureHashFamily()).isEqualTo("SHA2");
    assertThat(config.getCryptoConfig().getIdentityIdentifierHashFunction()).isEqualTo("SHA256");
    assertThat(config.getFabricNodeOus().getEnable()).isTrue();
    assertThat(config.getFabricNodeOus().getPeerOuIdentifier().getOrganizationalUnitIdentifier()).isEqualTo("peer");
    assertThat(config.getFabricNodeOus().getAdminOuIdentifier().getOrganizationalUnitIdentifier()).isEqualTo("admin");
    assertThat(config.getFabricNodeOus().getClientOuIdentifier().getCertificate()).isEqualTo(ca);
    assertThat(config.getFabricNodeOus().getOrdererOuIdentifier().getOrganizationalUnitIdentifier()).isEqualTo("orderer");
  }

  @Test
  void eachChannelGetsItsOwnMembersAndBatchSettings() throws Exception {
    Block pair = ChannelGenesis.block(NETWORK, "pair", crypto);
    Payload payload = Payload.parseFrom(Envelope.parseFrom(pair.getData().getData(0)).getPayload());
    ConfigGroup group = ConfigEnvelope.parseFrom(payload.getData()).getConfig().getChannelGroup();
    assertThat(group.getGroupsOrThrow("Application").getGroupsMap()).containsOnlyKeys("Org1MSP", "Org3MSP");
    ConfigGroup orderer = group.getGroupsOrThrow("Orderer");
    assertThat(value(orderer, "BatchTimeout", BatchTimeout.parser()).getTimeout()).isEqualTo("250ms");
    assertThat(value(orderer, "BatchSize", BatchSize.parser()).getMaxMessageCount()).isEqualTo(50);
    assertThat(ChannelHeader.parseFrom(payload.getHeader().getChannelHeader()).getChannelId()).isEqualTo("pair");
  }

  @Test
  void anOrgWithoutAnchorPeersHasNoAnchorPeersValue() throws Exception {
    PeerOrg org3 = PeerOrg.builder().from(Networks.peerOrg(3)).anchorPeers(List.of()).build();
    FabricNetwork network = FabricNetwork.builder().from(NETWORK).peerOrgs(List.of(Networks.peerOrg(1), Networks.peerOrg(2), org3)).build();
    ConfigGroup group = ChannelGenesis.channelGroup(network, network.channel("pair").orElseThrow(), crypto, NodeAddresses.workloads());
    assertThat(group.getGroupsOrThrow("Application").getGroupsOrThrow("Org3MSP").getValuesMap()).containsOnlyKeys("MSP");
  }

  @Test
  void aDevnetRecordsTheAddressesItWasGiven() throws Exception {
    NodeAddresses loopback = (org, node, port) -> "127.0.0.1:" + (port + 10000);
    Payload payload = Payload.parseFrom(Envelope.parseFrom(ChannelGenesis.block(NETWORK, "trade", crypto, loopback).getData().getData(0)).getPayload());
    ConfigGroup group = ConfigEnvelope.parseFrom(payload.getData()).getConfig().getChannelGroup();

    assertThat(value(group.getGroupsOrThrow("Orderer").getGroupsOrThrow("OrdererMSP"), "Endpoints", OrdererAddresses.parser()).getAddressesList())
        .containsOnly("127.0.0.1:17050");
    assertThat(value(group.getGroupsOrThrow("Application").getGroupsOrThrow("Org1MSP"), "AnchorPeers", AnchorPeers.parser()).getAnchorPeersList())
        .singleElement().satisfies(a -> assertThat(a.getHost() + ":" + a.getPort()).isEqualTo("127.0.0.1:17051"));
  }

  @Test
  void consenterCertificatesAreTheBytesOfEachOrderersTlsFile() throws Exception {
    // An orderer finds itself among the consenters by comparing them with its own TLS certificate file.
    ConsensusType consensus = value(channel.getGroupsOrThrow("Orderer"), "ConsensusType", ConsensusType.parser());
    ConfigMetadata raft = ConfigMetadata.parseFrom(consensus.getMetadata());
    java.util.Map<String, byte[]> files = crypto.files();
    OrdererOrg org = NETWORK.ordererOrgs().get(0);
    assertThat(raft.getConsentersList()).hasSize(org.orderers().size());
    for (int i = 0; i < org.orderers().size(); i++) {
      String host = org.host(org.orderers().get(i).name());
      byte[] file = files.get("ordererOrganizations/example.com/orderers/" + host + "/tls/server.crt");
      assertThat(raft.getConsenters(i).getServerTlsCert().toByteArray()).as(host).isEqualTo(file);
    }
  }

  @Test
  void anUnknownChannelIsNamed() {
    assertThatThrownBy(() -> ChannelGenesis.block(NETWORK, "nowhere", crypto))
        .isInstanceOf(ChainwrightException.class).hasMessageContaining("'nowhere' is not a channel of network 'trade'");
  }
}
