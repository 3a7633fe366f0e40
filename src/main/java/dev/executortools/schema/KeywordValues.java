package dev.executortools.schema;

import dev.executortools.internal.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Checks and repairs the value of one non-schema keyword so it satisfies the 2020-12 meta-schema;
 * null means "drop the keyword".
 */
final class KeywordValues {
  static final Set<String> TYPES =
      Set.of("null", "boolean", "object", "array", "number", "string", "integer");

  /** Type names seen in real specs that mean a JSON Schema type. */
  private static final Map<String, String> TYPE_ALIASES =
      Map.of(
          "int", "integer", "long", "integer", "float", "number", "double", "number", "bool",
          "boolean", "file", "string", "map", "object", "list", "array");

  private KeywordValues() {}

  static JsonNode string(JsonNode value) {
    return value != null && value.isString() ? value : null;
  }

  static JsonNode bool(JsonNode value) {
    return value != null && value.isBoolean() ? value : null;
  }

  /** A finite number (YAML can spell infinities, JSON cannot carry them). */
  static JsonNode number(JsonNode value) {
    return decimal(value) != null ? value : null;
  }

  static JsonNode positiveNumber(JsonNode value) {
    BigDecimal decimal = decimal(value);
    return decimal != null && decimal.signum() > 0 ? value : null;
  }

  /** Integral and non-negative (5.0 becomes 5); lengths, counts and sizes. */
  static JsonNode nonNegativeInteger(JsonNode value) {
    BigDecimal decimal = decimal(value);
    if (decimal == null) return null;
    try {
      BigInteger exact = decimal.toBigIntegerExact();
      if (exact.signum() < 0) return null;
      // the narrowest node, as a JSON reader would build it: stored tools compare equal when
      // reloaded
      if (exact.bitLength() < 32) return JsonNodeFactory.instance.numberNode(exact.intValue());
      return exact.bitLength() < 64
          ? JsonNodeFactory.instance.numberNode(exact.longValue())
          : JsonNodeFactory.instance.numberNode(exact);
    } catch (ArithmeticException notIntegral) {
      return null;
    }
  }

  private static BigDecimal decimal(JsonNode value) {
    if (value == null || !value.isNumber()) return null;
    if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) return null;
    try {
      return value.decimalValue();
    } catch (RuntimeException notRepresentable) {
      return null;
    }
  }

  /** A pattern the validator's regex engines ({@link SpecRegex}) accept, else null. */
  static JsonNode pattern(JsonNode value) {
    if (value == null || !value.isString()) return null;
    return compiles(value.stringValue()) ? value : null;
  }

  static boolean compiles(String regex) {
    return SpecRegex.accepts(regex);
  }

  /** Unique strings; null when there are none. */
  static ArrayNode stringArray(JsonNode value) {
    if (value == null || !value.isArray()) return null;
    Set<String> seen = new LinkedHashSet<>();
    for (JsonNode item : value) {
      if (item.isString()) seen.add(item.stringValue());
    }
    if (seen.isEmpty()) return null;
    ArrayNode out = Json.array();
    seen.forEach(out::add);
    return out;
  }

  /** A non-empty array, kept as is. */
  static JsonNode nonEmptyArray(JsonNode value) {
    return value != null && value.isArray() && !value.isEmpty() ? value : null;
  }

  /**
   * The JSON Schema form of a {@code type} value: known names kept, common aliases mapped ({@code
   * int} → {@code integer}, Swagger's {@code file} → {@code string}), the rest dropped. A single
   * remaining type is a string, several an array; none is null.
   */
  static JsonNode type(JsonNode value) {
    Set<String> types = new LinkedHashSet<>();
    if (value != null && value.isString()) {
      addType(types, value.stringValue());
    } else if (value != null && value.isArray()) {
      for (JsonNode item : value) {
        if (item.isString()) addType(types, item.stringValue());
      }
    }
    if (types.isEmpty()) return null;
    if (types.size() == 1) return JsonNodeFactory.instance.stringNode(types.iterator().next());
    ArrayNode out = Json.array();
    types.forEach(out::add);
    return out;
  }

  /** True when the raw {@code type} names Swagger 2's {@code file}. */
  static boolean isFileType(JsonNode value) {
    if (value != null && value.isString()) return value.stringValue().equalsIgnoreCase("file");
    if (value != null && value.isArray()) {
      for (JsonNode item : value) {
        if (item.isString() && item.stringValue().equalsIgnoreCase("file")) return true;
      }
    }
    return false;
  }

  private static void addType(Set<String> types, String name) {
    String lower = name.trim().toLowerCase(Locale.ROOT);
    if (TYPES.contains(lower)) types.add(lower);
    else if (TYPE_ALIASES.containsKey(lower)) types.add(TYPE_ALIASES.get(lower));
  }
}
