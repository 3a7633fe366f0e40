package dev.executortools;

import dev.executortools.internal.Json;
import dev.executortools.internal.Limits;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A named, JSON-schema-described action an agent can call. Immutable; its JSON form is the contract
 * other programs read ({@code tools list}, MCP, the manifest). Its schemas are handed out as copies
 * ({@link #inputSchema()}, {@link #outputSchema()}, {@link #toJson()}), so changing one changes
 * neither this tool nor what a registry answers later; a copy is made only when asked for.
 *
 * @param id what a caller passes to invoke the tool, e.g. {@code github.repos.get}
 * @param name the part of the id after the source namespace, e.g. {@code repos.get}
 * @param source the id of the source the tool comes from
 * @param outputSchema the schema of {@code data} on success, or null when unknown
 * @param summary the operation's one-line summary, or null (plugin tools, operations without one);
 *     not part of {@link #toJson()}: the stored tool keeps it with its operation, and only what a
 *     model reads shows it ({@link #modelDescription()})
 */
public record Tool(
    String id,
    String name,
    String source,
    String description,
    ObjectNode inputSchema,
    @Nullable ObjectNode outputSchema,
    ToolAnnotations annotations,
    @Nullable String summary) {

  public Tool {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(inputSchema, "inputSchema");
    Objects.requireNonNull(annotations, "annotations");
  }

  /** A tool without a summary. */
  public Tool(
      String id,
      String name,
      String source,
      String description,
      ObjectNode inputSchema,
      ObjectNode outputSchema,
      ToolAnnotations annotations) {
    this(id, name, source, description, inputSchema, outputSchema, annotations, null);
  }

  /** A copy of the input schema. */
  @Override
  public ObjectNode inputSchema() {
    return inputSchema.deepCopy();
  }

  /** A copy of the output schema, or null when unknown. */
  @Override
  public ObjectNode outputSchema() {
    return outputSchema == null ? null : outputSchema.deepCopy();
  }

  public Tool withAnnotations(ToolAnnotations value) {
    return new Tool(id, name, source, description, inputSchema, outputSchema, value, summary);
  }

  public Tool withSummary(String value) {
    return new Tool(id, name, source, description, inputSchema, outputSchema, annotations, value);
  }

  /**
   * The description a model reads: the operation's summary first, then the description, unless the
   * description already begins with the summary (executor's description, kept as is in {@link
   * #description}, is the operation's description alone when it has one).
   */
  public String modelDescription() {
    if (summary == null || summary.isBlank()) return description;
    String first = summary.strip();
    if (description.strip().startsWith(first)) return description;
    return Limits.description(first + "\n\n" + description);
  }

  public ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.put("id", id);
    json.put("name", name);
    json.put("source", source);
    json.put("description", description);
    json.set("inputSchema", inputSchema());
    if (outputSchema != null) json.set("outputSchema", outputSchema());
    json.set("annotations", annotations.toJson());
    return json;
  }

  public static Tool fromJson(JsonNode json) {
    JsonNode output = json.get("outputSchema");
    return new Tool(
        json.get("id").stringValue(),
        json.get("name").stringValue(),
        json.get("source").stringValue(),
        json.get("description").stringValue(),
        (ObjectNode) json.get("inputSchema"),
        output == null || output.isNull() ? null : (ObjectNode) output,
        ToolAnnotations.fromJson(json.get("annotations")));
  }
}
