package dev.executortools.schema;

import dev.executortools.Tool;
import dev.executortools.internal.Json;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Input schemas a model can read: at most a byte budget (64 KB by default) of JSON. Past the
 * budget, the deepest {@code $defs} (farthest from the top-level properties by {@code $ref} hops;
 * the largest first among equals) become permissive placeholders that name the definition and say
 * how to see it in full; definitions no longer reachable are dropped. A placeholder has no type
 * restriction, so every value the full schema accepts, the cut one accepts too. Arguments are
 * always validated against the full schema.
 *
 * <p>Pure: the full schema is never modified (its {@code $defs} may be shared with other tools);
 * within the budget it is returned as is.
 */
public final class ModelSchemas {
  /** What every model-facing interface (MCP, {@code tools list}, {@code tools describe}) uses. */
  public static final int DEFAULT_BUDGET_BYTES = 64 * 1024;

  private static final String DEFS = "$defs";
  private static final String REF_PREFIX = "#/$defs/";

  private ModelSchemas() {}

  /**
   * The schema a model sees for tool {@code toolId}: {@code fullSchema} itself when it fits in
   * {@code budgetBytes} of compact JSON, else a copy whose deepest definitions are placeholders.
   */
  public static ObjectNode forModel(ObjectNode fullSchema, int budgetBytes, String toolId) {
    return forModel(fullSchema, budgetBytes, name -> placeholderText(name, toolId));
  }

  /**
   * {@link #forModel(ObjectNode, int, String)} with placeholders of other words ({@code
   * placeholderText} of a definition's name), e.g. for an output schema, which no call checks.
   */
  public static ObjectNode forModel(
      ObjectNode fullSchema, int budgetBytes, Function<String, String> placeholderText) {
    int size = sizeOf(fullSchema);
    if (size <= budgetBytes
        || !(fullSchema.get(DEFS) instanceof ObjectNode defs)
        || defs.isEmpty()) {
      return fullSchema;
    }
    Cut cut = new Cut(fullSchema, defs, placeholderText);
    return cut.within(budgetBytes, size);
  }

  /** {@link #forModel(ObjectNode, int, String)} with {@link #DEFAULT_BUDGET_BYTES}. */
  public static ObjectNode forModel(ObjectNode fullSchema, String toolId) {
    return forModel(fullSchema, DEFAULT_BUDGET_BYTES, toolId);
  }

  /**
   * {@code tool} as a model sees it: its input schema within {@link #DEFAULT_BUDGET_BYTES}, deep
   * definitions replaced by placeholders past that; calls still validate against the full schema.
   */
  public static Tool forModel(Tool tool) {
    ObjectNode full = tool.inputSchema();
    ObjectNode schema = forModel(full, tool.id());
    return schema == full
        ? tool
        : new Tool(
            tool.id(),
            tool.name(),
            tool.source(),
            tool.description(),
            schema,
            tool.outputSchema(),
            tool.annotations(),
            tool.summary());
  }

  /**
   * A model-facing schema ({@link #forModel}) for a listing that shows it with every tool: the
   * optional {@code server} property (half a kilobyte, the same in every tool of a source) as one
   * short described object. A copy; {@code modelSchema} is not modified. Arguments are still
   * validated against the full schema, so every value it accepts is accepted here too.
   */
  public static ObjectNode forListing(ObjectNode modelSchema) {
    JsonNode server = modelSchema.path("properties").get("server");
    if (!ServerProperty.isServerProperty(server)) return modelSchema;
    ObjectNode properties = Json.object();
    modelSchema
        .get("properties")
        .properties()
        .forEach(
            e ->
                properties.set(
                    e.getKey(),
                    e.getKey().equals("server")
                        ? ServerProperty.compact((ObjectNode) server)
                        : e.getValue()));
    ObjectNode out = Json.object();
    modelSchema
        .properties()
        .forEach(
            e -> out.set(e.getKey(), e.getKey().equals("properties") ? properties : e.getValue()));
    return out;
  }

  /** The text of a placeholder for definition {@code name} of tool {@code toolId}. */
  public static String placeholderText(String name, String toolId) {
    return "Definition '"
        + name
        + "' omitted to keep this schema within "
        + DEFAULT_BUDGET_BYTES / 1024
        + " KB; any value is accepted here and checked against the full "
        + "schema on call. To see it: describe_tool {\"id\": \""
        + toolId
        + "\", \"definition\": \""
        + name
        + "\"} (command line: tools describe "
        + toolId
        + " --definition "
        + name
        + ").";
  }

  /** The size of {@code node} as compact JSON, in bytes. */
  public static int sizeOf(JsonNode node) {
    return Json.MAPPER.writeValueAsBytes(node).length;
  }

  /** The definitions of one schema, their references and sizes, and the cut being made. */
  private static final class Cut {
    private final ObjectNode full;
    private final ObjectNode defs;
    private final Function<String, String> placeholderText;
    private final Map<String, Set<String>> refsOf = new HashMap<>();
    private final Set<String> rootRefs = new HashSet<>();
    private final Map<String, ObjectNode> placeholders = new LinkedHashMap<>();

    Cut(ObjectNode full, ObjectNode defs, Function<String, String> placeholderText) {
      this.full = full;
      this.defs = defs;
      this.placeholderText = placeholderText;
      ObjectNode top =
          Json.object(); // the schema without its $defs: an output schema may be a top-level $ref
      for (Map.Entry<String, JsonNode> field : full.properties()) {
        if (!field.getKey().equals(DEFS)) top.set(field.getKey(), field.getValue());
      }
      collectRefs(top, rootRefs);
      for (Map.Entry<String, JsonNode> def : defs.properties()) {
        Set<String> refs = new HashSet<>();
        collectRefs(def.getValue(), refs);
        refsOf.put(def.getKey(), refs);
      }
    }

    ObjectNode within(int budget, int fullSize) {
      Map<String, Integer> depth = depths();
      Map<String, Integer> sizes = new HashMap<>();
      defs.properties().forEach(e -> sizes.put(e.getKey(), sizeOf(e.getValue())));
      int defsSize = 2;
      for (Map.Entry<String, Integer> def : sizes.entrySet())
        defsSize += entrySize(def.getKey(), def.getValue());
      int base = fullSize - defsSize;
      List<String> order = new ArrayList<>(depth.keySet());
      order.sort(
          Comparator.<String>comparingInt(n -> -depth.get(n))
              .thenComparing(n -> -sizes.get(n))
              .thenComparing(n -> n));
      for (String name : order) {
        Set<String> keep = reachable();
        if (estimate(base, keep, sizes) <= budget && sizeOf(build(keep)) <= budget) break;
        if (!keep.contains(name)) continue;
        ObjectNode placeholder = Json.object().put("description", placeholderText.apply(name));
        placeholders.put(name, placeholder);
        sizes.put(name, sizeOf(placeholder));
      }
      return build(reachable());
    }

    /** The size of the schema with only {@code keep} in its $defs (exact for compact JSON). */
    private int estimate(int base, Set<String> keep, Map<String, Integer> sizes) {
      int total = base + 2;
      for (String name : keep) total += entrySize(name, sizes.get(name));
      return total;
    }

    private static int entrySize(String name, int valueSize) {
      return name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 3 + valueSize + 1;
    }

    /** Hops from the top-level schema to each reachable definition. */
    private Map<String, Integer> depths() {
      Map<String, Integer> depth = new HashMap<>();
      Deque<String> queue = new ArrayDeque<>();
      for (String ref : rootRefs) {
        if (defs.has(ref) && depth.putIfAbsent(ref, 1) == null) queue.add(ref);
      }
      while (!queue.isEmpty()) {
        String name = queue.poll();
        for (String next : refsOf.getOrDefault(name, Set.of())) {
          if (defs.has(next) && depth.putIfAbsent(next, depth.get(name) + 1) == null)
            queue.add(next);
        }
      }
      return depth;
    }

    /** Definitions still reachable once the placeholders stand in for theirs. */
    private Set<String> reachable() {
      Set<String> seen = new HashSet<>();
      Deque<String> queue = new ArrayDeque<>();
      for (String ref : rootRefs) if (defs.has(ref) && seen.add(ref)) queue.add(ref);
      while (!queue.isEmpty()) {
        String name = queue.poll();
        if (placeholders.containsKey(name)) continue;
        for (String next : refsOf.getOrDefault(name, Set.of())) {
          if (defs.has(next) && seen.add(next)) queue.add(next);
        }
      }
      return seen;
    }

    private ObjectNode build(Set<String> keep) {
      ObjectNode out = Json.object();
      for (Map.Entry<String, JsonNode> field : full.properties()) {
        if (!field.getKey().equals(DEFS)) {
          out.set(field.getKey(), field.getValue());
          continue;
        }
        ObjectNode cutDefs = out.putObject(DEFS);
        for (Map.Entry<String, JsonNode> def : defs.properties()) {
          if (!keep.contains(def.getKey())) continue;
          ObjectNode placeholder = placeholders.get(def.getKey());
          cutDefs.set(def.getKey(), placeholder != null ? placeholder : def.getValue());
        }
      }
      return out;
    }

    private static void collectRefs(JsonNode node, Set<String> into) {
      if (node.isObject()) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          if (field.getKey().equals("$ref") && field.getValue().isString()) {
            String ref = field.getValue().stringValue();
            if (ref.startsWith(REF_PREFIX)) into.add(ref.substring(REF_PREFIX.length()));
          } else {
            collectRefs(field.getValue(), into);
          }
        }
      } else if (node.isArray()) {
        for (JsonNode item : node) collectRefs(item, into);
      }
    }
  }
}
