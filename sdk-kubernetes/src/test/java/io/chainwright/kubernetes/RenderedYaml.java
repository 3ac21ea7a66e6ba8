package io.chainwright.kubernetes;

import java.util.Arrays;
import java.util.List;

/** Splits multi-document YAML for assertions. */
final class RenderedYaml {
  private RenderedYaml() {}

  static List<String> documents(String yaml) {
    return Arrays.stream(yaml.split("(?m)^---\n")).filter(d -> !d.isBlank()).toList();
  }

  static String kind(String document) {
    return document.lines().filter(l -> l.startsWith("kind: ")).findFirst().orElseThrow().substring("kind: ".length());
  }
}
