package dev.executortools.schema;

import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One part of a tool's full schemas, for a model that met a placeholder, and where it is ({@code
 * pointer}, from the tool: {@code /inputSchema/$defs/Name}, {@code
 * /outputSchema/properties/value}). Its own {@code $ref}s still point into its schema's {@code
 * #/$defs/}.
 */
public record SchemaPart(String pointer, JsonNode schema) {
  private static final String INPUT = "/inputSchema";
  private static final String OUTPUT = "/outputSchema";

  /**
   * The part {@code nameOrPointer} names: a {@code $defs} name (the input schema's, else the output
   * schema's), a JSON pointer from the tool ({@code /outputSchema/...}, {@code /inputSchema/...}),
   * or a JSON pointer into the input schema ({@code /properties/body}).
   *
   * @param output the full output schema, or null
   */
  public static Optional<SchemaPart> find(
      ObjectNode input, ObjectNode output, String nameOrPointer) {
    if (nameOrPointer == null || nameOrPointer.isEmpty()) return Optional.empty();
    if (nameOrPointer.startsWith(OUTPUT + "/")) {
      return output == null
          ? Optional.empty()
          : at(output, OUTPUT, nameOrPointer.substring(OUTPUT.length()));
    }
    if (nameOrPointer.startsWith(INPUT + "/"))
      return at(input, INPUT, nameOrPointer.substring(INPUT.length()));
    if (nameOrPointer.startsWith("/")) return at(input, INPUT, nameOrPointer);
    String pointer = "/$defs/" + escape(nameOrPointer);
    Optional<SchemaPart> inInput = at(input, INPUT, pointer);
    return inInput.isPresent() || output == null ? inInput : at(output, OUTPUT, pointer);
  }

  /** What to answer when {@link #find} finds nothing. */
  public static String missing(String toolId, String nameOrPointer) {
    return "'"
        + toolId
        + "' has no definition '"
        + nameOrPointer
        + "' in its input or output schema";
  }

  /** {@code key} as one JSON pointer token. */
  public static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static Optional<SchemaPart> at(ObjectNode schema, String root, String pointer) {
    JsonNode found = schema.at(pointer);
    return found.isMissingNode()
        ? Optional.empty()
        : Optional.of(new SchemaPart(root + pointer, found));
  }
}
