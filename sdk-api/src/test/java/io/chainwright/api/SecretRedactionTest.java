package io.chainwright.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SecretRedactionTest {
  private static final String VALUE = "0xdeadbeefcafebabe-super-secret";

  private static Network networkWithLiteralSecret() {
    return Network.builder().name("net")
        .addWorkload(Workload.builder().name("geth")
            .addContainer(Container.builder().name("geth").image(Image.of("geth:1"))
                .addEnv(EnvVar.fromSecret("JWT", "jwt", "jwt.hex")).build())
            .build())
        .addSecret(Secret.builder().name("jwt").putData("jwt.hex", SecretValue.of(VALUE)).build())
        .build();
  }

  @Test
  void toStringNeverShowsASecretValue() {
    Network network = networkWithLiteralSecret();

    assertThat(network.toString()).contains("jwt").doesNotContain(VALUE);
    assertThat(network.secrets().get(0).toString()).doesNotContain(VALUE);
    assertThat(SecretValue.of(VALUE).toString()).isEqualTo("****");
  }

  @Test
  void jsonAndYamlNeverShowASecretValue() {
    Network network = networkWithLiteralSecret();

    assertThat(ModelMapper.toYaml(network)).doesNotContain(VALUE).contains("literal: '****'");
    assertThat(ModelMapper.toJson(network)).doesNotContain(VALUE);
  }

  @Test
  void theValueIsStillThereForBackendsThatNeedIt() {
    Secret jwt = networkWithLiteralSecret().secret("jwt").orElseThrow();

    assertThat(new String(jwt.data().get("jwt.hex").resolve())).isEqualTo(VALUE);
  }

  @Test
  void readingBackARedactedValueIsAClearErrorNotASilentMask() {
    String yaml = ModelMapper.toYaml(networkWithLiteralSecret());

    ValidationException e = assertThrows(ValidationException.class, () -> ModelMapper.fromYaml(yaml, Network.class));

    assertThat(e.violations()).extracting(Violation::toString).containsExactly(
        "secrets[jwt].data[jwt.hex]: the value was redacted when the model was written out; supply it again");
  }

  @Test
  void environmentAndFileSourcesRoundTripAndResolveLate() {
    SecretValue fromEnv = SecretValue.fromEnv("CHAINWRIGHT_TEST_UNSET_VARIABLE");

    assertThat(fromEnv.toString()).isEqualTo("env:CHAINWRIGHT_TEST_UNSET_VARIABLE");
    ChainwrightException e = assertThrows(ChainwrightException.class, fromEnv::resolve);
    assertThat(e.getMessage()).contains("CHAINWRIGHT_TEST_UNSET_VARIABLE is not set");
  }
}
