package io.chainwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.policy.SecretSource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsScanTest {
  @Test
  void secretValuesAppearOnlyInsideSecretObjects() {
    List<String> documents = RenderedYaml.documents(KubernetesBackend.create().render(RichNetwork.rich()).yaml());

    for (String value : RichNetwork.SECRET_VALUES) {
      String encoded = Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
      assertThat(documents).as("the value is delivered").anyMatch(d -> d.contains(encoded));
      for (String document : documents) {
        if (!RenderedYaml.kind(document).equals("Secret")) {
          assertThat(document).doesNotContain(value).doesNotContain(encoded);
        }
      }
    }
  }

  @Test
  void withExternalSecretsNoValueIsRenderedAtAll() {
    String yaml = KubernetesBackend.create().render(RichNetwork.rich(SecretSource.externalSecrets("vault-backend"))).yaml();

    for (String value : RichNetwork.SECRET_VALUES) {
      assertThat(yaml).doesNotContain(value).doesNotContain(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
    }
    assertThat(RenderedYaml.documents(yaml)).noneMatch(d -> RenderedYaml.kind(d).equals("Secret"));
  }
}
