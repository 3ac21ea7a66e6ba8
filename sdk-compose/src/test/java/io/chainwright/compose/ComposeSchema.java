package io.chainwright.compose;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * The Compose specification's JSON schema, from npm, for tests that check rendered files against it.
 */
public final class ComposeSchema {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final JsonSchema schema;

  private ComposeSchema(JsonSchema schema) {
    this.schema = schema;
  }

  /** Loads the schema; skips or fails the calling test when it is not installed (see {@link TestTools}). */
  public static ComposeSchema load() {
    try (InputStream in = Files.newInputStream(TestTools.composeSchema())) {
      ObjectNode json = (ObjectNode) new ObjectMapper().readTree(in);
      // The schema still marks its parts with draft-04 "id"; it names them and validates nothing.
      JsonMetaSchema meta = JsonMetaSchema.builder(JsonMetaSchema.getV201909())
          .keyword(new NonValidationKeyword("id")).build();
      return new ComposeSchema(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909, f -> f.metaSchema(meta)).getSchema(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the schema finds wrong with a compose file, one message per problem; empty when valid. */
  public List<String> problems(String composeYaml) {
    try {
      return schema.validate(YAML.readTree(composeYaml)).stream().map(Object::toString).sorted().toList();
    } catch (IOException e) {
      return List.of("not YAML: " + e.getMessage());
    }
  }
}
