package raftsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalsTest {

  @ParameterizedTest
  @CsvSource({
      "0.1, 0.1",
      "0.0, 0.0",
      "-0.0, 0.0",
      "1, 1.0",
      "0.4, 0.4",
      "0.125, 0.125",
      "0.30000000000000004, 0.30000000000000004",
      "1000000, 1000000.0",
      "2.5, 2.5",
      "0.001, 0.001",
      "0.000001, 0.000001",
      "1e-7, 1E-7",
      "1e23, 100000000000000000000000.0",
  })
  void writesTheShortestDecimalThatReadsBack(double value, String expected) {
    assertEquals(expected, Decimals.shortest(value));
  }

  @ParameterizedTest
  @ValueSource(doubles = {1.0 / 3, 2.0 / 3, 0.1 + 0.2, Double.MIN_VALUE, Double.MAX_VALUE, 0.7, 1e-300, 123.456})
  void everyOutputReadsBackAsTheSameDouble(double value) {
    assertEquals(value, Double.parseDouble(Decimals.shortest(value)));
  }

  @Test
  void thereIsNoJsonForInfinityOrNaN() {
    assertThrows(IllegalArgumentException.class, () -> Decimals.shortest(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> Decimals.shortest(Double.POSITIVE_INFINITY));
  }
}
