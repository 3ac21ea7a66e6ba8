package io.chainwright.fabric.client;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * An identity enrolled with a Fabric CA: its certificate, the private key that never left this
 * process, and the CA's chain. {@code toString} shows no key.
 */
public record CaEnrollment(String id, X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> caChain) {
  public CaEnrollment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(privateKey, "privateKey");
    caChain = List.copyOf(caChain);
  }

  /** This enrollment as an identity of the organisation whose MSP is {@code mspId}. */
  public FabricIdentity identity(String mspId) {
    return new FabricIdentity(mspId, certificate, privateKey);
  }

  /** The certificate in PEM, as the CA's tokens carry it. */
  public String certificatePem() {
    return CaRequests.pem(certificate);
  }

  @Override
  public String toString() {
    return "CaEnrollment[" + id + ", " + certificate.getSubjectX500Principal().getName() + ", private key hidden]";
  }
}
