package io.chainwright.kubernetes.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.chainwright.api.RenderException;
import io.chainwright.api.yaml.YamlFactories;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes Kubernetes objects as YAML without noise: no nulls and no empty lists. Empty objects stay,
 * because some mean something ({@code emptyDir: {}}, a {@code podSelector: {}} that selects every pod).
 */
public final class YamlWriter {
  private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();
  private static final ObjectMapper YAML = new ObjectMapper(YamlFactories.strict()
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .disable(YAMLGenerator.Feature.SPLIT_LINES));

  private YamlWriter() {}

  /** One object as a YAML document. */
  public static String write(HasMetadata object) {
    JsonNode tree = KUBERNETES.convertValue(object, JsonNode.class);
    clean(tree);
    try {
      return YAML.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new RenderException("Cannot write " + object.getKind() + " " + object.getMetadata().getName() + " as YAML", e);
    }
  }

  /** Objects as one multi-document YAML file. */
  public static String writeAll(List<? extends HasMetadata> objects) {
    StringBuilder out = new StringBuilder();
    for (HasMetadata o : objects) {
      out.append("---\n").append(write(o));
    }
    return out.toString();
  }

  private static void clean(JsonNode node) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        JsonNode value = fields.next().getValue();
        clean(value);
        if (value.isNull() || value.isMissingNode() || (value.isArray() && value.isEmpty())) {
          fields.remove();
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(YamlWriter::clean);
    }
  }
}
