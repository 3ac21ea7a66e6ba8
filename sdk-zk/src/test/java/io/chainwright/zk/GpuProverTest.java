package io.chainwright.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainwright.api.Container;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Gpu;
import io.chainwright.api.Image;
import io.chainwright.api.ValidationException;
import io.chainwright.api.Violation;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.volume.AccessMode;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.ScratchVolume;
import io.chainwright.api.volume.VolumeMount;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class GpuProverTest {
  private static List<String> violations(Executable build) {
    return assertThrows(ValidationException.class, build).violations().stream().map(Violation::toString).toList();
  }

  @Test
  void aMigProfileWithWholeGpusAndAMissingCrsAreReportedTogether() {
    assertThat(violations(() -> GpuProver.builder().name("prover").image(Image.of("ghcr.io/example/prover:1.4.0"))
        .gpus(2).migProfile("1g.10gb").scheme(ProofScheme.GROTH16).build()))
        .containsExactlyInAnyOrder(
            "provers[prover].migProfile: a MIG profile together with whole GPUs in one container: choose gpus or migProfile",
            "provers[prover].crs: a prover needs a CRS/params volume (CrsVolume.shared(..) or CrsVolume.fetched(..))");
  }

  @Test
  void badValuesAreNamedNotThrownAsNullPointers() {
    assertThat(violations(() -> GpuProver.builder().name("Prover").migProfile("tiny").maxConcurrentProofs(0)
        .crs(CrsVolume.shared("40Gi")).build()))
        .contains(
            "provers[Prover].image: is required",
            "provers[Prover].scheme: is required",
            "provers[Prover].migProfile: 'tiny' is not a MIG profile such as 1g.10gb",
            "provers[Prover].maxConcurrentProofs: 0 is not a number of proofs (1-1024)");
    assertThat(violations(() -> CrsVolume.builder().size("lots").fetchFrom(URI.create("http://example.org/crs")).build()))
        .contains("crs.fetchFrom: 'http://example.org/crs' is not an https URL", "crs.file: a fetched CRS needs the file name to write");
  }

  @Test
  void wholeGpusOfAModelAreRequestedWithTheNodeLabelAndTheGpuTaintTolerated() {
    Workload w = Provers.h100().gpus(2).size(ProverSize.LARGE).build().toWorkload();
    Container c = w.containers().get(0);

    assertThat(w.kind()).isEqualTo(WorkloadKind.STATELESS);
    assertThat(c.resources().gpu()).hasValue(Gpu.builder().count(2).type("NVIDIA-H100-80GB-HBM3").build());
    assertThat(c.resources().cpuLimit()).hasValue("32");
    assertThat(c.resources().memoryLimit()).hasValue("128Gi");
    assertThat(w.scheduling().tolerations()).singleElement().satisfies(t -> assertThat(t.key()).isEqualTo("nvidia.com/gpu"));
  }

  @Test
  void aMigSliceIsAskedForByProfile() {
    Workload w = Provers.h100().gpus(java.util.Optional.empty()).migProfile("3g.40gb").size(ProverSize.SMALL).build().toWorkload();

    assertThat(w.containers().get(0).resources().gpu()).hasValueSatisfying(g -> {
      assertThat(g.resource()).isEqualTo("nvidia.com/mig-3g.40gb");
      assertThat(g.count()).isEqualTo(1);
    });
  }

  @Test
  void aSharedCrsIsOneReadOnlyManyVolumeMountedReadOnly() {
    Workload w = Provers.h100().build().toWorkload();

    assertThat(w.volume("crs")).hasValueSatisfying(v -> assertThat(v).isInstanceOfSatisfying(DataVolume.class,
        d -> assertThat(d.accessMode()).isEqualTo(AccessMode.READ_ONLY_MANY)));
    assertThat(w.containers().get(0).mounts()).contains(VolumeMount.readOnly("crs", "/crs"));
    assertThat(w.initContainers()).isEmpty();
  }

  @Test
  void aFetchedCrsIsDownloadedBeforeTheProverStartsAndThenReadOnly() {
    Workload w = Provers.h100().crs(CrsVolume.fetched("10Gi", "setup_2^24.key", URI.create("https://storage.example.org/setup_2%5E24.key")))
        .build().toWorkload();

    assertThat(w.volume("crs")).hasValueSatisfying(v -> assertThat(v).isInstanceOf(ScratchVolume.class));
    assertThat(w.initContainers()).singleElement().satisfies(init -> {
      assertThat(init.args()).contains("/crs/setup_2^24.key", "https://storage.example.org/setup_2%5E24.key");
      assertThat(init.mounts()).containsExactly(VolumeMount.of("crs", "/crs"));
    });
    assertThat(w.containers().get(0).mounts()).contains(VolumeMount.readOnly("crs", "/crs"));
    assertThat(w.containers().get(0).env()).contains(EnvVar.literal("CRS_PATH", "/crs/setup_2^24.key"));
  }

  @Test
  void theQueueUrlComesFromItsSecretAndTheSettingsFromTheEnvironment() {
    List<EnvVar> env = Provers.h100().maxConcurrentProofs(4).build().toWorkload().containers().get(0).env();

    assertThat(env).contains(
        EnvVar.literal("PROOF_SCHEME", "plonk"),
        EnvVar.literal("MAX_CONCURRENT_PROOFS", "4"),
        EnvVar.fromSecret("QUEUE_URL", "queue", "url"));
    assertThat(env).filteredOn(e -> e.name().equals("QUEUE_URL")).allSatisfy(e -> assertThat(e.value()).isEmpty());
  }
}
