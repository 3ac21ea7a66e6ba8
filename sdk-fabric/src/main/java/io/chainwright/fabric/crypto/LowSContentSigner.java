package io.chainwright.fabric.crypto;

import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.ContentSigner;

/** Signs certificates with ECDSA over SHA-256, always producing the low-S form of the signature. */
final class LowSContentSigner implements ContentSigner {
  private static final AlgorithmIdentifier ECDSA_SHA256 = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
  private final Signature signature;

  LowSContentSigner(PrivateKey key) {
    try {
      signature = Signature.getInstance("SHA256withECDSA");
      signature.initSign(key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JVM cannot sign with ECDSA over SHA-256", e);
    }
  }

  @Override
  public AlgorithmIdentifier getAlgorithmIdentifier() {
    return ECDSA_SHA256;
  }

  @Override
  public OutputStream getOutputStream() {
    return new OutputStream() {
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        try {
          signature.update(b, off, len);
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }

  @Override
  public byte[] getSignature() {
    try {
      return LowS.normalize(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
