package io.chainwright.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of CPU, memory or storage written the Kubernetes way: {@code 500m}, {@code 16Gi}, {@code 2Ti}.
 *
 * <p>The model keeps quantities as the strings users write; this type parses them for checks
 * (a request above its limit) and for backends that need plain numbers.
 */
public final class Quantity implements Comparable<Quantity> {
  private static final Pattern FORM = Pattern.compile("([+-]?(?:\\d+\\.?\\d*|\\.\\d+))([a-zA-Z]*|[eE][+-]?\\d+)");
  private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
      Map.entry("", BigDecimal.ONE),
      Map.entry("n", new BigDecimal("1e-9")),
      Map.entry("u", new BigDecimal("1e-6")),
      Map.entry("m", new BigDecimal("1e-3")),
      Map.entry("k", new BigDecimal("1e3")),
      Map.entry("M", new BigDecimal("1e6")),
      Map.entry("G", new BigDecimal("1e9")),
      Map.entry("T", new BigDecimal("1e12")),
      Map.entry("P", new BigDecimal("1e15")),
      Map.entry("E", new BigDecimal("1e18")),
      Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
      Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
      Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
      Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
      Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
      Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

  private final String text;
  private final BigDecimal amount;

  private Quantity(String text, BigDecimal amount) {
    this.text = text;
    this.amount = amount;
  }

  /** Parses a quantity, or explains why it is not one. */
  public static Quantity parse(String text) {
    return tryParse(text).orElseThrow(() -> new ValidationException(List.of(new Violation("", problem(text)))));
  }

  /** Parses a quantity, or returns empty when {@code text} is not one. */
  public static Optional<Quantity> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    BigDecimal number = new BigDecimal(m.group(1));
    String suffix = m.group(2);
    if (number.signum() < 0) {
      return Optional.empty();
    }
    if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E') && !SUFFIXES.containsKey(suffix)) {
      return exponent(suffix.substring(1)).map(e -> new Quantity(text, number.scaleByPowerOfTen(e)));
    }
    BigDecimal factor = SUFFIXES.get(suffix);
    if (factor == null) {
      return Optional.empty();
    }
    return Optional.of(new Quantity(text, number.multiply(factor)));
  }

  private static Optional<Integer> exponent(String digits) {
    try {
      int e = Integer.parseInt(digits);
      return Math.abs(e) <= 30 ? Optional.of(e) : Optional.empty();
    } catch (NumberFormatException notAnExponent) {
      return Optional.empty();
    }
  }

  /** The message used when {@code text} does not parse. */
  public static String problem(String text) {
    return "'" + text + "' is not a quantity (examples: 500m, 2, 16Gi, 2Ti)";
  }

  /** The amount in base units: cores for CPU, bytes for memory and storage. */
  public BigDecimal amount() {
    return amount;
  }

  /** The amount rounded up to whole base units, e.g. bytes. */
  public long toLongCeiling() {
    return amount.setScale(0, java.math.RoundingMode.CEILING).longValueExact();
  }

  @Override
  public int compareTo(Quantity other) {
    return amount.compareTo(other.amount);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Quantity q && amount.compareTo(q.amount) == 0;
  }

  @Override
  public int hashCode() {
    return amount.stripTrailingZeros().hashCode();
  }

  /** The text as written, e.g. {@code 16Gi}. */
  @Override
  public String toString() {
    return text;
  }
}
