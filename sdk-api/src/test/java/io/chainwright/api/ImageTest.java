package io.chainwright.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageTest {
  @Test
  void splitsRegistryRepositoryTagAndDigest() {
    String digest = "sha256:" + "0123456789abcdef".repeat(4);
    Image image = Image.of("registry.example.org:5000/team/geth:v1.15.11@" + digest);

    assertThat(image.problem()).isEmpty();
    assertThat(image.repository()).isEqualTo("registry.example.org:5000/team/geth");
    assertThat(image.tag()).contains("v1.15.11");
    assertThat(image.digest()).contains(digest);
  }

  @Test
  void anImageWithoutATagHasNone() {
    assertThat(Image.of("busybox").tag()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Geth", "geth:", "geth:v 1", "geth@sha256:short", "/geth", "geth//x"})
  void explainsReferencesThatAreNotImages(String reference) {
    assertThat(Image.of(reference).problem()).hasValueSatisfying(p -> assertThat(p).contains("is not an image reference"));
  }
}
