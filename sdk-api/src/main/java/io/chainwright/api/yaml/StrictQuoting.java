package io.chainwright.api.yaml;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.regex.Pattern;

/**
 * Quotes every string that a YAML reader could take for something else. Jackson's default leaves
 * {@code 1e3}, {@code 0x1F}, {@code 1_000} or {@code .inf} bare; kubectl's YAML reader and
 * Compose's then read a number, so an environment value or a quantity changes type or is refused.
 * Quoting them keeps every string a string, whichever YAML version the reader follows.
 */
public final class StrictQuoting extends StringQuotingChecker {
  private static final long serialVersionUID = 1L;

  /** Numbers in YAML 1.1 or 1.2 spelling: decimals with exponents or underscores, hex, octal, binary, infinities, NaN. */
  private static final Pattern NUMBER_LIKE = Pattern.compile(
      "[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?"
          + "|[-+]?0[xX][0-9a-fA-F_]+|[-+]?0[oO]?[0-7_]+|[-+]?0[bB][01_]+"
          + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)"
          + "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?");

  private static final StringQuotingChecker JACKSON = StringQuotingChecker.Default.instance();

  @Override
  public boolean needToQuoteName(String name) {
    return JACKSON.needToQuoteName(name) || looksLikeYAMLNumber(name);
  }

  @Override
  public boolean needToQuoteValue(String value) {
    return JACKSON.needToQuoteValue(value) || looksLikeYAMLNumber(value);
  }

  @Override
  protected boolean looksLikeYAMLNumber(String value) {
    return !value.isEmpty() && NUMBER_LIKE.matcher(value).matches();
  }
}
