package io.chainwright.zk;

import java.util.Locale;

/** The proof system a prover produces; SNARK schemes need a CRS (structured reference string), STARKs need their parameters. */
public enum ProofScheme {
  PLONK,
  GROTH16,
  STARK;

  /** The lower-case name passed to the prover, e.g. {@code groth16}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
