package io.chainwright.api.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class StrictQuotingTest {
  private static final ObjectMapper WRITER = new ObjectMapper(YamlFactories.strict());
  private static final ObjectMapper JACKSON_READER = new ObjectMapper(new YAMLFactory());

  /** Strings that YAML 1.1 or 1.2 readers take for numbers, booleans or nulls when left bare. */
  private static final List<String> TRICKY = List.of("1e3", "1.5E-3", "0x1F", "0o17", "017", "0b101", "1_000", ".inf",
      "-.Inf", ".nan", "1:30", "8545", "3.14", "true", "yes", "off", "null", "~", "");

  @Test
  void everyStringReadsBackAsTheSameStringInYaml11AndYaml12Readers() throws Exception {
    Map<String, String> values = new LinkedHashMap<>();
    TRICKY.forEach(v -> values.put("k" + values.size(), v));
    String yaml = WRITER.writeValueAsString(values);

    Map<?, ?> snake = new Yaml().load(yaml);   // YAML 1.1, as older tools read it
    Map<?, ?> jackson = JACKSON_READER.readValue(yaml, Map.class);
    values.forEach((key, value) -> {
      assertThat(snake.get(key)).as("%s in%n%s", value, yaml).isEqualTo(value);
      assertThat(jackson.get(key)).as("%s in%n%s", value, yaml).isEqualTo(value);
    });
  }

  @Test
  void plainWordsStayBare() throws Exception {
    assertThat(WRITER.writeValueAsString(Map.of("image", "geth", "memory", "16Gi", "cpu", "500m")))
        .contains("image: geth").contains("memory: 16Gi").contains("cpu: 500m");
  }
}
