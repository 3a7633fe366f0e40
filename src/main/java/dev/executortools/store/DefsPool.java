package dev.executortools.store;

import dev.executortools.Tool;
import dev.executortools.compile.CompiledTool;
import dev.executortools.internal.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code $defs} members of a source's tool schemas, each stored once per file. Tools of one
 * document share their defs (the schema stage hands out the same nodes), so writing them per tool
 * would repeat the same schemas thousands of times. In the file every member of an input or output
 * schema's {@code $defs} is an index into the file's {@code defs} array; reading shares the nodes
 * again, as the schema stage does (read-only).
 */
final class DefsPool {
  private static final String DEFS = "$defs";

  private final List<JsonNode> nodes;
  private final Map<JsonNode, Integer> byInstance = new IdentityHashMap<>();

  private DefsPool(List<JsonNode> nodes) {
    this.nodes = nodes;
  }

  /** The pool of every def the tools' schemas carry: same instance or same content, one entry. */
  static DefsPool of(List<CompiledTool> tools) {
    DefsPool pool = new DefsPool(new ArrayList<>());
    Map<JsonNode, Integer> byContent = new HashMap<>();
    for (CompiledTool compiled : tools) {
      for (ObjectNode schema : schemas(compiled.tool())) {
        JsonNode defs = schema.get(DEFS);
        if (defs == null || !defs.isObject()) continue;
        for (JsonNode def : defs.values()) {
          if (pool.byInstance.containsKey(def)) continue;
          Integer index =
              byContent.computeIfAbsent(
                  def,
                  d -> {
                    pool.nodes.add(d);
                    return pool.nodes.size() - 1;
                  });
          pool.byInstance.put(def, index);
        }
      }
    }
    return pool;
  }

  /** A pool read from a file. */
  static DefsPool read(JsonNode array) {
    if (array == null || !array.isArray())
      throw new IllegalArgumentException("defs is not an array");
    List<JsonNode> nodes = new ArrayList<>(array.size());
    array.forEach(nodes::add);
    return new DefsPool(nodes);
  }

  List<JsonNode> nodes() {
    return nodes;
  }

  /** A shallow copy of {@code schema} whose {@code $defs} members are pool indices. */
  ObjectNode pooled(ObjectNode schema) {
    JsonNode defs = schema.get(DEFS);
    if (defs == null || !defs.isObject()) return schema;
    ObjectNode indices = Json.object();
    defs.properties()
        .forEach(e -> indices.set(e.getKey(), IntNode.valueOf(byInstance.get(e.getValue()))));
    return replaceDefs(schema, indices);
  }

  /**
   * The schema as it was before {@link #pooled}: indices replaced by the pooled nodes.
   *
   * @throws IllegalArgumentException when an index is not one of the pool
   */
  ObjectNode unpooled(ObjectNode stored) {
    JsonNode indices = stored.get(DEFS);
    if (indices == null || !indices.isObject()) return stored;
    ObjectNode defs = Json.object();
    for (Map.Entry<String, JsonNode> e : indices.properties()) {
      JsonNode index = e.getValue();
      if (!index.isInt() || index.intValue() < 0 || index.intValue() >= nodes.size()) {
        throw new IllegalArgumentException(
            "$defs entry \"" + e.getKey() + "\" is not an index into defs");
      }
      defs.set(e.getKey(), nodes.get(index.intValue()));
    }
    return replaceDefs(stored, defs);
  }

  private static ObjectNode replaceDefs(ObjectNode schema, JsonNode defs) {
    ObjectNode copy = Json.object();
    schema
        .properties()
        .forEach(e -> copy.set(e.getKey(), e.getKey().equals(DEFS) ? defs : e.getValue()));
    return copy;
  }

  private static List<ObjectNode> schemas(Tool tool) {
    return tool.outputSchema() == null
        ? List.of(tool.inputSchema())
        : List.of(tool.inputSchema(), tool.outputSchema());
  }
}
