package io.chainwright.fabric.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;

/**
 * Canonical low-S ECDSA signatures on P-256. For every signature (r, s), (r, n - s) verifies too;
 * Fabric accepts only the one with s at most n/2, and rejects certificates and transactions signed
 * otherwise ("x509: certificate signed by unknown authority").
 */
public final class LowS {
  /** The order of the P-256 group. */
  static final BigInteger N = new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
  private static final BigInteger HALF_N = N.shiftRight(1);

  private LowS() {}

  /** The DER signature {@code der} with s replaced by n - s when s is high; unchanged when already low. */
  public static byte[] normalize(byte[] der) {
    BigInteger[] rs = decode(der);
    if (rs[1].compareTo(HALF_N) <= 0) {
      return der;
    }
    ASN1EncodableVector v = new ASN1EncodableVector();
    v.add(new ASN1Integer(rs[0]));
    v.add(new ASN1Integer(N.subtract(rs[1])));
    try {
      return new DERSequence(v).getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the DER signature {@code der} has s at most n/2. */
  public static boolean isLowS(byte[] der) {
    return decode(der)[1].compareTo(HALF_N) <= 0;
  }

  private static BigInteger[] decode(byte[] der) {
    ASN1Sequence seq = ASN1Sequence.getInstance(der);
    return new BigInteger[] {
        ASN1Integer.getInstance(seq.getObjectAt(0)).getValue(),
        ASN1Integer.getInstance(seq.getObjectAt(1)).getValue()};
  }
}
