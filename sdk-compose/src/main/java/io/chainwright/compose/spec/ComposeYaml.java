package io.chainwright.compose.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainwright.api.RenderException;
import io.chainwright.api.yaml.YamlFactories;

/** The one writer of {@code compose.yaml}. */
public final class ComposeYaml {
  private static final ObjectMapper YAML = new ObjectMapper(YamlFactories.strict());

  private ComposeYaml() {}

  /** The file's text: the same project always gives the same bytes. */
  public static String write(ComposeFile file) {
    try {
      return YAML.writeValueAsString(file);
    } catch (JsonProcessingException e) {
      throw new RenderException("Cannot write compose.yaml", e);
    }
  }
}
