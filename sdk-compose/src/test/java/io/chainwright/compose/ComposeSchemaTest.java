package io.chainwright.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.chainwright.api.Fixtures;
import io.chainwright.api.Network;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every rendered compose.yaml is valid against the Compose specification's own JSON schema. */
class ComposeSchemaTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static JsonSchema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    try (InputStream in = Files.newInputStream(TestTools.composeSchema())) {
      // The schema still marks its parts with draft-04 "id"; it names them and validates nothing.
      JsonMetaSchema meta = JsonMetaSchema.builder(JsonMetaSchema.getV201909())
          .keyword(new NonValidationKeyword("id")).build();
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909, f -> f.metaSchema(meta)).getSchema(in);
    }
  }

  static Set<ValidationMessage> problems(Network network) throws IOException {
    JsonNode compose = YAML.readTree(ComposeRenderer.render(network).composeYaml());
    return schema.validate(compose);
  }

  @Test
  void aNetworkUsingEveryPartOfTheModelRendersToAValidComposeFile() throws IOException {
    assertThat(problems(Fixtures.everything())).isEmpty();
  }

  @Test
  void theSchemaCatchesAnUnknownServiceKey() throws IOException {
    JsonNode compose = YAML.readTree("services:\n  a:\n    image: busybox\n    replicaz: 2\n");

    assertThat(schema.validate(compose)).isNotEmpty();
  }
}
