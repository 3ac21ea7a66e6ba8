package io.chainwright.api;

import static io.chainwright.api.Fixtures.container;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainwright.api.policy.Autoscaler;
import io.chainwright.api.policy.GpuPolicy;
import io.chainwright.api.policy.IsolationPolicy;
import io.chainwright.api.policy.MigLayout;
import io.chainwright.api.policy.MigStrategy;
import io.chainwright.api.policy.ScalingMetric;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** GPU policies, MIG layouts, and the network checks that tie GPU workloads and autoscalers to them. */
class GpuPolicyTest {
  private static List<String> violations(Executable build) {
    return assertThrows(ValidationException.class, build).violations().stream().map(Violation::toString).toList();
  }

  private static Workload prover(Gpu gpu) {
    return Workload.builder().name("prover")
        .addContainer(Container.builder().from(container("prover")).resources(Resources.builder().gpu(gpu).build()).build())
        .build();
  }

  private static Autoscaler onGpuUtilisation() {
    return Autoscaler.builder().workload("prover").maxReplicas(4)
        .addMetric(ScalingMetric.podsAverage("DCGM_FI_DEV_GPU_UTIL", "80")).build();
  }

  @Test
  void anAutoscalerOnGpuUtilisationNeedsADcgmSource() {
    assertThat(violations(() -> Network.builder().name("zk").addWorkload(prover(Gpu.whole(1))).addAutoscaler(onGpuUtilisation()).build()))
        .containsExactly("autoscalers[prover].metrics[DCGM_FI_DEV_GPU_UTIL]: an autoscaler on GPU metric DCGM_FI_DEV_GPU_UTIL "
            + "needs a DCGM metric source: give the network a GpuPolicy with the DCGM exporter");
    assertThat(violations(() -> Network.builder().name("zk").addWorkload(prover(Gpu.whole(1))).addAutoscaler(onGpuUtilisation())
        .gpu(GpuPolicy.builder().dcgmExporter(false).dcgmServiceMonitor(false).build()).build()))
        .singleElement().asString().contains("needs a DCGM metric source");
  }

  @Test
  void withTheDcgmExporterTheAutoscalerIsAccepted() {
    Network network = Network.builder().name("zk").addWorkload(prover(Gpu.whole(1))).addAutoscaler(onGpuUtilisation())
        .gpu(GpuPolicy.builder().build()).build();

    assertThat(network.gpu()).hasValueSatisfying(g -> assertThat(g.providesDcgmMetrics()).isTrue());
  }

  @Test
  void migSlicesByProfileNeedTheMixedStrategy() {
    assertThat(violations(() -> Network.builder().name("zk").addWorkload(prover(Gpu.mig("1g.10gb", 1)))
        .gpu(GpuPolicy.builder().migStrategy(MigStrategy.SINGLE).addMigLayout(MigLayout.uniform("1g.10gb", 7)).build())
        .isolation(IsolationPolicy.leaveOpen("gpu-operator")).build()))
        .containsExactly("workloads[prover].containers[prover].resources.gpu.resource: 'nvidia.com/mig-1g.10gb' is offered only "
            + "under the MIXED MIG strategy (the GPU policy has SINGLE)");
  }

  @Test
  void layoutsAreCheckedWhole() {
    assertThat(violations(() -> GpuPolicy.builder()
        .addMigLayout(MigLayout.builder().name("odd").devices("first").putSlice("10g.1tb", 9).build()).build()))
        .containsExactlyInAnyOrder(
            "migLayouts[odd].devices: 'first' is not 'all' or a list of GPU indexes such as 0,1",
            "migLayouts[odd].slices[10g.1tb]: is not a MIG profile such as 1g.10gb",
            "migLayouts[odd].slices[10g.1tb]: 9 is not a slice count (1-7)");
    assertThat(violations(() -> GpuPolicy.builder().addMigLayout(MigLayout.uniform("1g.10gb", 7)).defaultMigLayout("all-2g.20gb").build()))
        .containsExactlyInAnyOrder(
            "gpu.migLayouts: MIG layouts need a MIG strategy (SINGLE or MIXED)",
            "gpu.defaultMigLayout: the GPU Operator's ClusterPolicy takes only 'all-disabled' as the default MIG layout; label"
                + " the nodes that should run 'all-2g.20gb' with nvidia.com/mig.config=all-2g.20gb instead",
            "gpu.defaultMigLayout: 'all-2g.20gb' is not one of the MIG layouts");
  }

  @Test
  void aPolicyRoundTripsThroughYaml() {
    Network network = Network.builder().name("zk").addWorkload(prover(Gpu.mig("1g.10gb", 1)))
        .gpu(GpuPolicy.builder().migStrategy(MigStrategy.MIXED).driverVersion("550.90.07")
            .addMigLayout(MigLayout.uniform("1g.10gb", 7)).addMigLayout(MigLayout.disabled()).defaultMigLayout("all-disabled").build())
        .isolation(IsolationPolicy.leaveOpen("gpu-operator"))
        .build();

    assertThat(ModelMapper.fromYaml(ModelMapper.toYaml(network), Network.class)).isEqualTo(network);
  }
}
