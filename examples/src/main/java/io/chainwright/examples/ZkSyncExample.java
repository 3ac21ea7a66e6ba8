package io.chainwright.examples;

import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Secret;
import io.chainwright.api.SecretKeyRef;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.l2.ParentChain;
import io.chainwright.l2.zksync.ObjectStore;
import io.chainwright.l2.zksync.ZkSyncEra;
import io.chainwright.zk.CrsVolume;
import io.chainwright.zk.GpuProver;
import io.chainwright.zk.GpuType;
import io.chainwright.zk.ProofScheme;
import io.chainwright.zk.ProverSize;

/**
 * A zkSync Era chain on Sepolia: the server with its PostgreSQL, artefacts in a bucket, and a GPU
 * prover on an L4 whose setup data sits on a shared read-only volume.
 */
public final class ZkSyncExample {
  private ZkSyncExample() {}

  public static Network network(MaterialStore store) {
    GpuProver prover = GpuProver.builder()
        .name("era-prover")
        .image(Image.of("matterlabs/prover-gpu-fri:v18.0.0"))
        .gpus(1).gpuType(GpuType.L40S)
        .crs(CrsVolume.shared("100Gi"))
        .scheme(ProofScheme.PLONK)
        .size(ProverSize.LARGE)
        .metricsPort(3315)
        .build();
    return ZkSyncEra.builder()
        .name("era")
        .l1(ParentChain.externalRpc("sepolia-l1", "rpc-url"))
        .l1ChainId(11155111)
        .chainId(300)
        .operatorKey(SecretKeyRef.of("era-keys", "operator"))
        .objectStore(ObjectStore.gcs("era-artifacts", "era-gcs"))
        .prover(prover)
        .build()
        .addTo(Network.builder().name("zksync-era")
            .addSecret(Secret.provided("sepolia-l1")).addSecret(Secret.provided("era-keys")).addSecret(Secret.provided("era-gcs")), store.forNetwork("zksync-era"))
        .build();
  }
}
