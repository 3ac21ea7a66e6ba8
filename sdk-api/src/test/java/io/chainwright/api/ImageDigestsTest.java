package io.chainwright.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A network that requires digests refuses every container whose image is pinned by tag only, init containers too. */
class ImageDigestsTest {
  private static final String DIGEST = "@sha256:" + "0123456789abcdef".repeat(4);

  private static Workload node(String image, String initImage) {
    return Workload.builder().name("node")
        .addInitContainer(Container.builder().name("init").image(Image.of(initImage)).resources(Resources.setupStep()).build())
        .addContainer(Container.builder().name("node").image(Image.of(image)).build())
        .build();
  }

  @Test
  void everyImageWithoutADigestIsNamedWithItsPath() {
    assertThatThrownBy(() -> Network.builder().name("pinned").requireImageDigests(true)
        .addWorkload(node("ethereum/client-go:v1.16.7", "busybox:1.37")).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).extracting(Violation::path)
            .containsExactlyInAnyOrder("workloads[node].containers[init].image", "workloads[node].containers[node].image"));
  }

  @Test
  void digestsPassWithOrWithoutATagAndTagsPassWhereDigestsAreNotRequired() {
    Network pinned = Network.builder().name("pinned").requireImageDigests(true)
        .addWorkload(node("ethereum/client-go:v1.16.7" + DIGEST, "busybox" + DIGEST)).build();
    Network tagged = Network.builder().name("tagged").addWorkload(node("ethereum/client-go:v1.16.7", "busybox:1.37")).build();

    assertThat(pinned.workloads()).hasSize(1);
    assertThat(tagged.requireImageDigests()).isFalse();
  }
}
