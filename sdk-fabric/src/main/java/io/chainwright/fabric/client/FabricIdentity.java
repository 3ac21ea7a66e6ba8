package io.chainwright.fabric.client;

import com.google.protobuf.ByteString;
import io.chainwright.api.Violations;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * Who signs: an MSP id, the member's enrolment certificate and its private key.
 *
 * <p>Signatures are ECDSA with a low S value, as Fabric requires; {@code toString} never shows the key.
 */
public record FabricIdentity(String mspId, X509Certificate certificate, PrivateKey privateKey) {
  private static final SecureRandom RANDOM = new SecureRandom();

  public FabricIdentity {
    Violations violations = Violations.root();
    violations.require("mspId", mspId == null || mspId.isBlank() ? null : mspId);
    violations.require("certificate", certificate);
    violations.require("privateKey", privateKey);
    violations.throwIfAny();
  }

  /** Signs digests with the private key, always with a low S value. */
  public Signer signer() {
    return Signers.newPrivateKeySigner(privateKey);
  }

  /** This identity as fabric-gateway's public identity. */
  public X509Identity gatewayIdentity() {
    return new X509Identity(mspId, certificate);
  }

  /** The serialised identity Fabric puts in a proposal's {@code creator}: MSP id plus PEM certificate. */
  public byte[] serialized() {
    X509Identity identity = gatewayIdentity();
    return SerializedIdentity.newBuilder()
        .setMspid(identity.getMspId())
        .setIdBytes(ByteString.copyFrom(identity.getCredentials()))
        .build()
        .toByteArray();
  }

  /**
   * A signature header naming this identity as the creator, with a fresh 24-byte nonce: what every
   * message it signs for Fabric carries (proposals, orderer requests, config signatures).
   */
  public SignatureHeader newSignatureHeader() {
    byte[] nonce = new byte[24];
    RANDOM.nextBytes(nonce);
    return SignatureHeader.newBuilder().setCreator(ByteString.copyFrom(serialized())).setNonce(ByteString.copyFrom(nonce)).build();
  }

  @Override
  public String toString() {
    return "FabricIdentity[mspId=" + mspId + ", subject=" + certificate.getSubjectX500Principal().getName() + "]";
  }
}
