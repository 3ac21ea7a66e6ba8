package io.chainwright.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {
  @ParameterizedTest
  @CsvSource({
    "500m, 0.5",
    "2, 2",
    "1.5, 1.5",
    "16Gi, 17179869184",
    "2Ti, 2199023255552",
    "100M, 100000000",
    "1k, 1000",
    "1e3, 1000",
    "250u, 0.00025",
  })
  void parsesKubernetesQuantities(String text, String baseUnits) {
    Quantity q = Quantity.parse(text);

    assertThat(q.amount()).isEqualByComparingTo(new BigDecimal(baseUnits));
    assertThat(q.toString()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "-1", "16 Gi", "1Xi", "Gi", "1e99999999999", "1.2.3"})
  void refusesWhatIsNotAQuantity(String text) {
    ValidationException e = assertThrows(ValidationException.class, () -> Quantity.parse(text));

    assertThat(e.violations()).singleElement().extracting(Violation::message).asString().contains("is not a quantity");
  }

  @ParameterizedTest
  @CsvSource({"1Gi, 1073741824", "1G, 1000000000", "1000m, 1"})
  void comparesByAmountNotByText(String a, String b) {
    assertThat(Quantity.parse(a)).isEqualTo(Quantity.parse(b)).hasSameHashCodeAs(Quantity.parse(b));
  }
}
