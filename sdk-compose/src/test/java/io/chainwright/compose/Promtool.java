package io.chainwright.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prometheus's own promtool on rendered alert rules, for tests: {@code check rules} on a rules
 * file, then {@code test rules} with a test written as promtool's unit-test format, both in one folder.
 */
public final class Promtool {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Path program;
  private final Path dir;
  private final Path rules;

  private Promtool(Path program, Path dir, Path rules) {
    this.program = program;
    this.dir = dir;
    this.rules = rules;
  }

  /**
   * Writes {@code groups} (a rule file's content: the {@code spec} of a PrometheusRule, as YAML) to
   * {@code dir} and fails the test unless {@code promtool check rules} accepts it.
   */
  public static Promtool checked(Path dir, String groups) throws IOException, InterruptedException {
    Path program = TestTools.systemProgram("promtool", "prometheus");
    Path rules = Files.writeString(dir.resolve("rules.yml"), groups);
    assertThat(TestTools.run(program, dir, "check", "rules", rules.toString())).contains("SUCCESS");
    return new Promtool(program, dir, rules);
  }

  /**
   * Fails the test unless {@code promtool test rules} passes {@code test} (one entry of a unit-test
   * file's {@code tests}: its interval, input series and expectations) against the checked rules,
   * evaluated every {@code evaluationInterval}.
   */
  public void passes(String evaluationInterval, Map<String, Object> test) throws IOException, InterruptedException {
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("rule_files", List.of(rules.toString()));
    file.put("evaluation_interval", evaluationInterval);
    file.put("tests", List.of(test));
    Path tests = Files.writeString(dir.resolve("test.yml"), YAML.writeValueAsString(file));
    assertThat(TestTools.run(program, dir, "test", "rules", tests.toString())).contains("SUCCESS");
  }
}
