package io.chainwright.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every rendered compose.yaml is valid against the Compose specification's own JSON schema. */
class ComposeSchemaTest {
  private static ComposeSchema schema;

  @BeforeAll
  static void loadSchema() {
    schema = ComposeSchema.load();
  }

  @Test
  void aNetworkUsingEveryPartOfTheModelRendersToAValidComposeFile() {
    assertThat(schema.problems(ComposeRenderer.render(Fixtures.everything()).composeYaml())).isEmpty();
  }

  @Test
  void theSchemaCatchesAnUnknownServiceKey() {
    assertThat(schema.problems("services:\n  a:\n    image: busybox\n    replicaz: 2\n"))
        .singleElement().asString().contains("replicaz");
  }
}
