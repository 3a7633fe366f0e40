package dev.executortools.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link JsJson} against what node prints for the same values. */
class JsJsonTest {
  @Test
  void numbersArePrintedAsJavaScriptPrintsThem() {
    // node -e 'for (const x of [...]) console.log(JSON.stringify(x))'
    assertThat(JsJson.number(100.0)).isEqualTo("100");
    assertThat(JsJson.number(-0.5)).isEqualTo("-0.5");
    assertThat(JsJson.number(0.000001)).isEqualTo("0.000001");
    assertThat(JsJson.number(1e-7)).isEqualTo("1e-7");
    assertThat(JsJson.number(1.5e21)).isEqualTo("1.5e+21");
    assertThat(JsJson.number(1e21)).isEqualTo("1e+21");
    assertThat(JsJson.number(1.2345678901234568e20)).isEqualTo("123456789012345680000");
    assertThat(JsJson.number(3.14159)).isEqualTo("3.14159");
    assertThat(JsJson.number(-0.0)).isEqualTo("0");
    assertThat(JsJson.number(Double.NaN)).isEqualTo("null");
    assertThat(JsJson.number(Json.parse("9007199254740993"))).isEqualTo("9007199254740992");
    assertThat(JsJson.number(Json.parse("-42"))).isEqualTo("-42");
  }

  @Test
  void treesAreIndentedByTwoSpacesWithEmptyContainersOnOneLine() throws Exception {
    StringBuilder out = new StringBuilder();
    JsJson.write(
        out,
        Json.parse(
            "{\"a\": [], \"b\": {}, \"c\": [1, \"x\\u0001\", true, null], \"d\": {\"e\": 2.50}}"),
        "");
    assertThat(out.toString())
        .isEqualTo(
            """
            {
              "a": [],
              "b": {},
              "c": [
                1,
                "x\\u0001",
                true,
                null
              ],
              "d": {
                "e": 2.5
              }
            }""");
  }
}
