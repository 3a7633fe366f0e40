package dev.executortools.internal;

import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the plugin, with bounds that hold for hostile input. */
public final class Json {
  /** Reads and writes within {@link Limits}: the same bounds both ways. */
  public static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(Limits.readConstraints())
                  .streamWriteConstraints(Limits.writeConstraints())
                  .build())
          .build();

  /**
   * Reads call arguments: a fraction or exponent becomes a big decimal, so a number is checked and
   * sent as written ({@code 1e-400} is not {@code 0.0}, {@code 1e400} not Infinity).
   */
  private static final JsonMapper ARGUMENTS =
      MAPPER.rebuild().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private Json() {}

  /**
   * The mapper that reads call arguments (see {@link #parseArguments}), for readers of messages.
   */
  public static JsonMapper argumentsMapper() {
    return ARGUMENTS;
  }

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  public static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  public static JsonNode parse(String text) {
    return MAPPER.readTree(text);
  }

  /** Call arguments from JSON text, numbers exactly as written (see {@link #ARGUMENTS}). */
  public static JsonNode parseArguments(String text) {
    return ARGUMENTS.readTree(text);
  }

  public static String write(JsonNode node) {
    return MAPPER.writeValueAsString(node);
  }

  public static String pretty(JsonNode node) {
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
  }

  /** Text of a string node, else null (never the textual form of numbers or objects). */
  public static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isString() ? value.stringValue() : null;
  }
}
