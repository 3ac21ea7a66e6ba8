package io.chainwright.fabric.channel;

import com.google.protobuf.ByteString;
import io.chainwright.fabric.OrdererOrg;
import io.chainwright.fabric.Orderer;
import io.chainwright.fabric.PeerOrg;
import io.chainwright.fabric.crypto.OrgCrypto;
import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.OrdererAddresses;
import org.hyperledger.fabric.protos.msp.FabricCryptoConfig;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.FabricNodeOUs;
import org.hyperledger.fabric.protos.msp.FabricOUIdentifier;
import org.hyperledger.fabric.protos.msp.MSPConfig;
import org.hyperledger.fabric.protos.peer.AnchorPeer;
import org.hyperledger.fabric.protos.peer.AnchorPeers;

/** The config group of one org: its MSP, its signature policies and where to reach it. */
final class OrgGroups {
  /** The MSP type number of an X.509 ("bccsp") MSP. */
  private static final int FABRIC_MSP = 0;

  private OrgGroups() {}

  static ConfigGroup orderer(OrdererOrg org, OrgCrypto crypto, NodeAddresses addresses) {
    String msp = org.mspId();
    ConfigGroup.Builder group = ConfigGroup.newBuilder().setModPolicy(ConfigItems.ADMINS);
    ConfigItems.signature(group, ConfigItems.READERS, "OR('" + msp + ".member')");
    ConfigItems.signature(group, ConfigItems.WRITERS, "OR('" + msp + ".member')");
    ConfigItems.signature(group, ConfigItems.ADMINS, "OR('" + msp + ".admin')");
    ConfigItems.value(group, "MSP", msp(crypto));
    OrdererAddresses.Builder endpoints = OrdererAddresses.newBuilder();
    for (Orderer o : org.orderers()) {
      endpoints.addAddresses(addresses.of(org, o.name(), o.port()));
    }
    ConfigItems.value(group, "Endpoints", endpoints.build());
    return group.build();
  }

  static ConfigGroup peer(PeerOrg org, OrgCrypto crypto, NodeAddresses addresses) {
    String msp = org.mspId();
    ConfigGroup.Builder group = ConfigGroup.newBuilder().setModPolicy(ConfigItems.ADMINS);
    ConfigItems.signature(group, ConfigItems.READERS, "OR('" + msp + ".admin', '" + msp + ".peer', '" + msp + ".client')");
    ConfigItems.signature(group, ConfigItems.WRITERS, "OR('" + msp + ".admin', '" + msp + ".client')");
    ConfigItems.signature(group, ConfigItems.ADMINS, "OR('" + msp + ".admin')");
    ConfigItems.signature(group, ConfigItems.ENDORSEMENT, "OR('" + msp + ".peer')");
    ConfigItems.value(group, "MSP", msp(crypto));
    if (!org.anchorPeers().isEmpty()) {
      AnchorPeers.Builder anchors = AnchorPeers.newBuilder();
      for (String name : org.anchorPeers()) {
        HostPort address = HostPort.parse(addresses.of(org, name, org.peer(name).orElseThrow().port()));
        anchors.addAnchorPeers(AnchorPeer.newBuilder().setHost(address.host()).setPort(address.port()));
      }
      ConfigItems.value(group, "AnchorPeers", anchors.build());
    }
    return group.build();
  }

  /** The org's verifying MSP: its CA and TLS CA as roots, and NodeOUs classifying identities by OU. */
  static MSPConfig msp(OrgCrypto crypto) {
    ByteString ca = pem(crypto.ca().certificatePem());
    FabricMSPConfig config = FabricMSPConfig.newBuilder()
        .setName(crypto.mspId())
        .addRootCerts(ca)
        .addTlsRootCerts(pem(crypto.tlsCa().certificatePem()))
        .setCryptoConfig(FabricCryptoConfig.newBuilder().setSignatureHashFamily("SHA2").setIdentityIdentifierHashFunction("SHA256"))
        .setFabricNodeOus(FabricNodeOUs.newBuilder()
            .setEnable(true)
            .setClientOuIdentifier(ou(ca, "client"))
            .setPeerOuIdentifier(ou(ca, "peer"))
            .setAdminOuIdentifier(ou(ca, "admin"))
            .setOrdererOuIdentifier(ou(ca, "orderer")))
        .build();
    return MSPConfig.newBuilder().setType(FABRIC_MSP).setConfig(config.toByteString()).build();
  }

  private static FabricOUIdentifier ou(ByteString ca, String ou) {
    return FabricOUIdentifier.newBuilder().setCertificate(ca).setOrganizationalUnitIdentifier(ou).build();
  }

  static ByteString pem(String pem) {
    return ByteString.copyFrom(pem, StandardCharsets.US_ASCII);
  }
}
