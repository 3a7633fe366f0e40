package dev.executortools.schema;

import dev.executortools.internal.Limits;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Numbers of the arguments as written: each must be finite and have at most {@link
 * Limits#MAX_NUMBER_DIGITS} digits written out ({@code 1e400} has 401, {@code 1e-400} 401), the
 * same bound a spec's numbers have. JSON text read with {@code Json.parseArguments} holds every
 * fraction or exponent as a big decimal, so nothing is rounded to a double before it is checked and
 * sent; a Java caller's double that overflowed is refused here rather than sent as Infinity.
 */
final class ArgumentNumbers {
  private ArgumentNumbers() {}

  /** A problem for each number out of bounds, in document order; empty when there is none. */
  static List<ArgumentProblem> problems(JsonNode arguments) {
    List<ArgumentProblem> problems = new ArrayList<>();
    walk(
        arguments,
        (path, node) -> {
          String problem = node.isNumber() ? problem(node) : null;
          if (problem != null) problems.add(new ArgumentProblem(path, problem));
          return false;
        });
    return problems;
  }

  /** The pointer of the first string value equal to {@code value}; "" when there is none. */
  static String pathOfString(JsonNode arguments, String value) {
    String[] found = {""};
    walk(
        arguments,
        (path, node) -> {
          if (!node.isString() || !node.stringValue().equals(value)) return false;
          found[0] = path;
          return true;
        });
    return found[0];
  }

  private static String problem(JsonNode number) {
    if ((number.isDouble() || number.isFloat()) && !Double.isFinite(number.doubleValue())) {
      return "must be a finite number";
    }
    if (number.isBigDecimal()) {
      BigDecimal value = number.decimalValue();
      if ((long) value.precision() - value.scale() > Limits.MAX_NUMBER_DIGITS
          || value.scale() > Limits.MAX_NUMBER_DIGITS) {
        return tooLong();
      }
    }
    if (number.isBigInteger()
        && number.bigIntegerValue().abs().toString().length() > Limits.MAX_NUMBER_DIGITS) {
      return tooLong();
    }
    return null;
  }

  private static String tooLong() {
    return String.format(
        "has more than %,d digits written out (the limit of one number)", Limits.MAX_NUMBER_DIGITS);
  }

  /**
   * Visits every value with its pointer, depth first in document order, until {@code visitor} says
   * stop.
   */
  private static void walk(JsonNode root, Visitor visitor) {
    Deque<Map.Entry<String, JsonNode>> pending = new ArrayDeque<>();
    pending.push(Map.entry("", root));
    while (!pending.isEmpty()) {
      Map.Entry<String, JsonNode> next = pending.pop();
      JsonNode node = next.getValue();
      if (visitor.visit(next.getKey(), node)) return;
      List<Map.Entry<String, JsonNode>> children = new ArrayList<>();
      if (node.isObject()) {
        for (Map.Entry<String, JsonNode> property : node.properties()) {
          children.add(
              Map.entry(
                  next.getKey() + "/" + ArgumentValidator.escape(property.getKey()),
                  property.getValue()));
        }
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++)
          children.add(Map.entry(next.getKey() + "/" + i, node.get(i)));
      }
      for (int i = children.size() - 1; i >= 0; i--) pending.push(children.get(i));
    }
  }

  private interface Visitor {
    /** True to stop the walk. */
    boolean visit(String path, JsonNode node);
  }
}
