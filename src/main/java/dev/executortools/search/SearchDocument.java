package dev.executortools.search;

import dev.executortools.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The text of one tool that search reads: its id, the operation's summary and description, the HTTP
 * method and path template (null for tools that are not HTTP operations) and the names of its
 * parameters.
 */
public record SearchDocument(
    String id,
    String source,
    String summary,
    String description,
    String method,
    String path,
    List<String> parameterNames) {

  public SearchDocument {
    Objects.requireNonNull(id, "id");
    source = source == null ? "" : source;
    summary = summary == null ? "" : summary;
    description = description == null ? "" : description;
    parameterNames = List.copyOf(parameterNames);
  }

  /**
   * The search text of a tool: its parameter names are the input schema's properties (except the
   * {@code server} and {@code contentType} plumbing) and, for {@code body}, the body's own
   * properties, read from {@code inputSchema}: the tool's own schema, uncopied.
   */
  public static SearchDocument of(Tool tool, ObjectNode inputSchema, String summary) {
    List<String> names = new ArrayList<>();
    JsonNode properties = inputSchema.path("properties");
    for (String name : properties.propertyNames()) {
      if (name.equals("server") || name.equals("contentType")) continue;
      if (name.equals("body")) {
        bodyProperties(inputSchema, properties.get(name)).forEach(names::add);
      } else {
        names.add(name);
      }
    }
    return new SearchDocument(
        tool.id(),
        tool.source(),
        summary,
        tool.description(),
        tool.annotations().method(),
        tool.annotations().pathTemplate(),
        names);
  }

  private static Iterable<String> bodyProperties(JsonNode root, JsonNode body) {
    JsonNode schema = body;
    String ref = schema.path("$ref").asString("");
    if (ref.startsWith("#/$defs/"))
      schema = root.path("$defs").path(ref.substring("#/$defs/".length()));
    return schema.path("properties").propertyNames();
  }
}
