package io.chainwright.api.yaml;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/** The one YAML setup every Chainwright writer starts from: no document marker, quotes only where needed, strictly. */
public final class YamlFactories {
  private YamlFactories() {}

  /** A fresh factory with {@link StrictQuoting}, minimal quotes and no {@code ---}; callers add their own features. */
  public static YAMLFactory strict() {
    return YAMLFactory.builder().stringQuotingChecker(new StrictQuoting()).build()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS);
  }
}
