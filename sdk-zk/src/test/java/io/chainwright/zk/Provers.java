package io.chainwright.zk;

import io.chainwright.api.Image;
import io.chainwright.api.SecretKeyRef;

/** Provers the tests share. */
final class Provers {
  private Provers() {}

  /** A PLONK prover on one H100 with a shared CRS volume and a queue. */
  static GpuProver.Builder h100() {
    return GpuProver.builder()
        .name("prover").image(Image.of("ghcr.io/example/prover:1.4.0"))
        .gpus(1).gpuType(GpuType.H100_80GB)
        .crs(CrsVolume.shared("40Gi"))
        .scheme(ProofScheme.PLONK)
        .queueUrl(SecretKeyRef.of("queue", "url"))
        .metricsPort(9100);
  }
}
