package io.chainwright.fabric.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.UsageException;
import io.chainwright.fabric.Channel;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.Networks;
import io.chainwright.fabric.client.FabricIdentity;
import io.chainwright.fabric.crypto.MemberCrypto;
import io.chainwright.fabric.crypto.NetworkCrypto;
import java.security.Signature;
import java.util.List;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigSignature;
import org.hyperledger.fabric.protos.common.ConfigUpdate;
import org.hyperledger.fabric.protos.common.ConfigUpdateEnvelope;
import org.hyperledger.fabric.protos.common.ConfigValue;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.orderer.BatchSize;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Config updates computed in Java, each applied by the rules {@code common.ConfigUpdate} documents
 * for the orderer: what it writes lands, the rest stays, and the policies that must sign are named.
 */
class ConfigUpdatesTest {
  private static final FabricNetwork NETWORK = FabricNetwork.builder().from(Networks.twoOrgs()).addPeerOrg(Networks.peerOrg(3))
      .addChannel(Channel.builder().name("pair").addMembers("org1", "org3").build())
      .build();
  private static NetworkCrypto crypto;
  private static ConfigGroup trade;
  private static ConfigGroup pair;

  @BeforeAll
  static void generate() {
    crypto = NetworkCrypto.generate(NETWORK);
    trade = ChannelGenesis.channelGroup(NETWORK, NETWORK.channel("trade").orElseThrow(), crypto, NodeAddresses.workloads());
    pair = ChannelGenesis.channelGroup(NETWORK, NETWORK.channel("pair").orElseThrow(), crypto, NodeAddresses.workloads());
  }

  private static ConfigGroup withBatchSize(ConfigGroup channel, int maxMessages) throws Exception {
    ConfigGroup orderer = channel.getGroupsOrThrow("Orderer");
    ConfigValue batch = orderer.getValuesOrThrow("BatchSize");
    BatchSize size = BatchSize.parseFrom(batch.getValue()).toBuilder().setMaxMessageCount(maxMessages).build();
    return channel.toBuilder().putGroups("Orderer", orderer.toBuilder()
        .putValues("BatchSize", batch.toBuilder().setValue(size.toByteString()).build()).build()).build();
  }

  private static ConfigGroup withApplicationOrgs(ConfigGroup channel, ConfigGroup application) {
    return channel.toBuilder().putGroups("Application", application).build();
  }

  @Test
  void aNewBatchSizeWritesThatValueAloneAtItsNextVersionUnderTheOrdererAdmins() throws Exception {
    ConfigGroup changed = withBatchSize(trade, 42);

    ConfigUpdate update = ConfigUpdates.compute("trade", trade, changed);
    ConfigUpdateRules.Outcome outcome = ConfigUpdateRules.apply(trade, update);

    assertThat(update.getWriteSet().getGroupsOrThrow("Orderer").getValuesMap()).containsOnlyKeys("BatchSize");
    assertThat(update.getWriteSet().getGroupsOrThrow("Orderer").getValuesOrThrow("BatchSize").getVersion())
        .isEqualTo(trade.getGroupsOrThrow("Orderer").getValuesOrThrow("BatchSize").getVersion() + 1);
    assertThat(update.getReadSet().getGroupsOrThrow("Orderer").getValuesMap()).as("the read set is sparse").isEmpty();
    assertThat(outcome.policiesToSatisfy()).containsExactly("/Channel/Orderer/Admins");
    ConfigGroup result = outcome.channel();
    assertThat(BatchSize.parseFrom(result.getGroupsOrThrow("Orderer").getValuesOrThrow("BatchSize").getValue()).getMaxMessageCount()).isEqualTo(42);
    assertThat(result.getGroupsOrThrow("Application")).isEqualTo(trade.getGroupsOrThrow("Application"));
    assertThat(result.getGroupsOrThrow("Orderer").getGroupsMap()).isEqualTo(trade.getGroupsOrThrow("Orderer").getGroupsMap());
    assertThat(result.getValuesMap()).isEqualTo(trade.getValuesMap());
  }

  @Test
  void anOrgAddedToTheApplicationIsWrittenWholeAtVersionZeroUnderTheApplicationAdmins() {
    ConfigGroup application = trade.getGroupsOrThrow("Application").toBuilder()
        .putGroups("Org3MSP", pair.getGroupsOrThrow("Application").getGroupsOrThrow("Org3MSP")).build();

    ConfigUpdate update = ConfigUpdates.compute("trade", trade, withApplicationOrgs(trade, application));
    ConfigUpdateRules.Outcome outcome = ConfigUpdateRules.apply(trade, update);

    ConfigGroup written = update.getWriteSet().getGroupsOrThrow("Application");
    assertThat(written.getVersion()).isEqualTo(trade.getGroupsOrThrow("Application").getVersion() + 1);
    assertThat(written.getGroupsOrThrow("Org3MSP").getVersion()).isZero();
    assertThat(written.getGroupsOrThrow("Org1MSP").getValuesMap()).as("unchanged members are listed by version only")
        .allSatisfy((name, value) -> assertThat(value.getValue().isEmpty()).isTrue());
    assertThat(outcome.policiesToSatisfy()).containsExactly("/Channel/Application/Admins");
    ConfigGroup result = outcome.channel().getGroupsOrThrow("Application");
    assertThat(result.getGroupsMap()).containsOnlyKeys("Org1MSP", "Org2MSP", "Org3MSP");
    assertThat(result.getGroupsOrThrow("Org3MSP")).isEqualTo(pair.getGroupsOrThrow("Application").getGroupsOrThrow("Org3MSP"));
    assertThat(result.getGroupsOrThrow("Org1MSP")).as("kept whole, not as written").isEqualTo(trade.getGroupsOrThrow("Application").getGroupsOrThrow("Org1MSP"));
  }

  @Test
  void anOrgRemovedLeavesTheOthersAndAnUpdateComputedBeforeThatIsRefusedAsStale() {
    ConfigGroup withoutOrg2 = withApplicationOrgs(trade, trade.getGroupsOrThrow("Application").toBuilder().removeGroups("Org2MSP").build());
    ConfigGroup withOrg3 = withApplicationOrgs(trade, trade.getGroupsOrThrow("Application").toBuilder()
        .putGroups("Org3MSP", pair.getGroupsOrThrow("Application").getGroupsOrThrow("Org3MSP")).build());
    ConfigUpdate addOrg3 = ConfigUpdates.compute("trade", trade, withOrg3);

    ConfigGroup afterRemoval = ConfigUpdateRules.apply(trade, ConfigUpdates.compute("trade", trade, withoutOrg2)).channel();

    assertThat(afterRemoval.getGroupsOrThrow("Application").getGroupsMap()).containsOnlyKeys("Org1MSP");
    assertThatThrownBy(() -> ConfigUpdateRules.apply(afterRemoval, addOrg3)).isInstanceOf(UsageException.class)
        .hasMessageContaining("it read group /Channel/Application at version 0, but the channel has version 1")
        .hasMessageContaining("compute it again from the current config");
  }

  @Test
  void anUnchangedConfigIsNoUpdate() {
    assertThatThrownBy(() -> ConfigUpdates.compute("trade", trade, trade)).isInstanceOf(UsageException.class)
        .hasMessageContaining("the changed config is the same as the current one");
  }

  @Test
  void eachSignerSignsItsSignatureHeaderAndTheUpdateTogether() throws Exception {
    ConfigUpdate update = ConfigUpdates.compute("trade", trade, withBatchSize(trade, 7));
    List<FabricIdentity> admins = List.of(identity(crypto.org("org1").admin()), identity(crypto.org("org2").admin()));

    ConfigUpdateEnvelope envelope = ConfigUpdates.sign(update, admins);

    assertThat(ConfigUpdate.parseFrom(envelope.getConfigUpdate())).isEqualTo(update);
    assertThat(envelope.getSignaturesList()).hasSize(2);
    for (int i = 0; i < 2; i++) {
      ConfigSignature signature = envelope.getSignatures(i);
      SignatureHeader header = SignatureHeader.parseFrom(signature.getSignatureHeader());
      assertThat(SerializedIdentity.parseFrom(header.getCreator()).getMspid()).isEqualTo(admins.get(i).mspId());
      assertThat(header.getNonce().size()).isEqualTo(24);
      Signature verifier = Signature.getInstance("SHA256withECDSA");
      verifier.initVerify(admins.get(i).certificate());
      verifier.update(signature.getSignatureHeader().concat(envelope.getConfigUpdate()).toByteArray());
      assertThat(verifier.verify(signature.getSignature().toByteArray())).isTrue();
    }
  }

  @Test
  void addingAnOrgNeedsAMajorityOfTheApplicationAdminsAndSaysWhoIsStillMissing() {
    ConfigGroup application = trade.getGroupsOrThrow("Application").toBuilder()
        .putGroups("Org3MSP", pair.getGroupsOrThrow("Application").getGroupsOrThrow("Org3MSP")).build();
    ConfigUpdate update = ConfigUpdates.compute("trade", trade, withApplicationOrgs(trade, application));
    FabricIdentity org1 = identity(crypto.org("org1").admin());
    FabricIdentity org2 = identity(crypto.org("org2").admin());

    assertThatThrownBy(() -> ConfigUpdateRules.applySigned(trade, ConfigUpdates.sign(update, List.of(org1))))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("1 of 1 signatures verify")
        .hasMessageContaining("/Channel/Application/Admins: MAJORITY Admins of 2 (2 needed): Org1MSP signed; still 1 of Org2MSP");
    assertThatThrownBy(() -> ConfigUpdateRules.applySigned(trade, ConfigUpdates.sign(update,
        List.of(org1, identity(crypto.org("org1").user("User1"))))))
        .as("a member who is not an admin does not count").hasMessageContaining("still 1 of Org2MSP");

    ConfigUpdateRules.Outcome outcome = ConfigUpdateRules.applySigned(trade, ConfigUpdates.sign(update, List.of(org1, org2)));

    assertThat(outcome.channel().getGroupsOrThrow("Application").getGroupsMap()).containsOnlyKeys("Org1MSP", "Org2MSP", "Org3MSP");
  }

  @Test
  void aSignatureOverAnotherUpdateDoesNotCount() {
    ConfigUpdate update = ConfigUpdates.compute("trade", trade, withApplicationOrgs(trade,
        trade.getGroupsOrThrow("Application").toBuilder().removeGroups("Org2MSP").build()));
    ConfigUpdateEnvelope signed = ConfigUpdates.sign(update, List.of(identity(crypto.org("org1").admin()), identity(crypto.org("org2").admin())));
    ConfigUpdate other = update.toBuilder().setChannelId("other").build();
    ConfigUpdateEnvelope swapped = signed.toBuilder().setConfigUpdate(other.toByteString()).build();

    assertThatThrownBy(() -> ConfigUpdateRules.applySigned(trade, swapped)).hasMessageContaining("0 of 2 signatures verify");
  }

  private static FabricIdentity identity(MemberCrypto member) {
    return new FabricIdentity(member.mspId(), member.signing().certificate(), member.signing().privateKey());
  }
}
