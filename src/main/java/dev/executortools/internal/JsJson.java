package dev.executortools.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code JSON.stringify(value, null, 2)} of a JSON tree, byte for byte: two spaces per level,
 * {@code "key": value}, {@code {}} and {@code []} when empty, strings as {@link JsText#jsonQuote},
 * numbers as JavaScript prints them ({@code 1e-7}, {@code 1.5e+21}, {@code 100}).
 */
public final class JsJson {
  private static final String STEP = "  ";

  private JsJson() {}

  /** Writes {@code node} as if it stood at {@code indent} (the indentation of its line). */
  public static void write(Appendable out, JsonNode node, String indent) throws IOException {
    if (node == null || node.isNull() || node.isMissingNode()) {
      out.append("null");
    } else if (node.isString()) {
      out.append(JsText.jsonQuote(node.stringValue()));
    } else if (node.isBoolean()) {
      out.append(node.booleanValue() ? "true" : "false");
    } else if (node.isNumber()) {
      out.append(number(node));
    } else if (node.isArray()) {
      writeContainer(out, node.values().iterator(), indent, '[', ']');
    } else if (node.isObject()) {
      writeContainer(out, node.properties().iterator(), indent, '{', '}');
    } else {
      out.append(JsText.jsonQuote(node.asString()));
    }
  }

  private static void writeContainer(
      Appendable out, Iterator<?> items, String indent, char open, char close) throws IOException {
    out.append(open);
    if (!items.hasNext()) {
      out.append(close);
      return;
    }
    String inner = indent + STEP;
    while (items.hasNext()) {
      Object item = items.next();
      out.append('\n').append(inner);
      if (item instanceof Map.Entry<?, ?> entry) {
        out.append(JsText.jsonQuote((String) entry.getKey())).append(": ");
        write(out, (JsonNode) entry.getValue(), inner);
      } else {
        write(out, (JsonNode) item, inner);
      }
      if (items.hasNext()) out.append(',');
    }
    out.append('\n').append(indent).append(close);
  }

  /**
   * A number as JavaScript's {@code Number.prototype.toString} prints it (integers up to 2^53
   * exact).
   */
  static String number(JsonNode node) {
    if (node.isIntegralNumber() && node.canConvertToExactIntegral() && node.canConvertToLong()) {
      long value = node.longValue();
      if (Math.abs(value) <= (1L << 53)) return Long.toString(value);
    }
    return number(node.doubleValue());
  }

  /** {@code Number.prototype.toString()} of a double (ECMA-262 Number::toString, radix 10). */
  static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) return "null"; // as JSON.stringify
    if (value == 0) return "0";
    String sign = value < 0 ? "-" : "";
    BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
    String digits = decimal.unscaledValue().toString();
    int k = digits.length();
    int n = decimal.precision() - decimal.scale(); // value = 0.digits × 10^n
    String text;
    if (k <= n && n <= 21) {
      text = digits + "0".repeat(n - k);
    } else if (0 < n && n <= 21) {
      text = digits.substring(0, n) + "." + digits.substring(n);
    } else if (-6 < n && n <= 0) {
      text = "0." + "0".repeat(-n) + digits;
    } else {
      int e = n - 1;
      String exponent = (e < 0 ? "e-" : "e+") + Math.abs(e);
      text = k == 1 ? digits + exponent : digits.charAt(0) + "." + digits.substring(1) + exponent;
    }
    return sign + text;
  }
}
