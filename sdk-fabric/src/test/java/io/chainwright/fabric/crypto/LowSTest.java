package io.chainwright.fabric.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.junit.jupiter.api.Test;

/** Normalising turns each high-S signature into the low-S one that still verifies, and leaves low-S ones alone. */
class LowSTest {
  @Test
  void normalisedSignaturesStillVerifyAndAreLowS() throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
    gen.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = gen.generateKeyPair();
    byte[] message = "block".getBytes();
    int high = 0;
    for (int i = 0; i < 64; i++) {
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(pair.getPrivate());
      signer.update(message);
      byte[] raw = signer.sign();
      byte[] low = LowS.normalize(raw);
      if (!LowS.isLowS(raw)) {
        high++;
        assertThat(low).isNotEqualTo(raw);
        assertThat(s(low)).isEqualTo(LowS.N.subtract(s(raw)));
      } else {
        assertThat(low).isEqualTo(raw);
      }
      assertThat(LowS.isLowS(low)).isTrue();
      Signature verifier = Signature.getInstance("SHA256withECDSA");
      verifier.initVerify(pair.getPublic());
      verifier.update(message);
      assertThat(verifier.verify(low)).isTrue();
    }
    // Half of all signatures are high-S; 64 draws without one would be a broken test, not luck.
    assertThat(high).isPositive();
  }

  private static BigInteger s(byte[] der) {
    return ASN1Integer.getInstance(ASN1Sequence.getInstance(der).getObjectAt(1)).getValue();
  }
}
