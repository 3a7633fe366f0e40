package dev.executortools.store;

import dev.executortools.compile.CompiledTool;
import dev.executortools.internal.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code $defs} of a source's tool schemas, stored once per file at two levels: every def
 * member once ({@code defs}), and every distinct {@code $defs} object once ({@code defSets}, each a
 * map of name to member index). A tool schema's {@code $defs} is then one number. The schema stage
 * hands out shared nodes, and in a document whose schemas all reach each other (Microsoft Graph)
 * 22,000 tools share a {@code $defs} of thousands of members: written per tool, that is gigabytes.
 * Reading shares the nodes again (read-only), so a loaded source costs what a compiled one does.
 */
final class DefsPool {
  private static final String DEFS = "$defs";

  private final List<JsonNode> members;
  private final List<ObjectNode> sets;
  private final Map<JsonNode, Integer> memberByInstance = new IdentityHashMap<>();
  private final Map<JsonNode, Integer> setByInstance = new IdentityHashMap<>();
  private final Map<Integer, ObjectNode> materialized = new HashMap<>();

  /** For reading tools whose {@code $defs} are not wanted (listings): they are dropped. */
  static final DefsPool WITHOUT_DEFS = new DefsPool(List.of(), List.of());

  private DefsPool(List<JsonNode> members, List<ObjectNode> sets) {
    this.members = members;
    this.sets = sets;
  }

  /**
   * The pool of every def and {@code $defs} object the tools carry: same instance or content, one
   * entry.
   */
  static DefsPool of(List<CompiledTool> tools) {
    DefsPool pool = new DefsPool(new ArrayList<>(), new ArrayList<>());
    Map<JsonNode, Integer> memberByContent = new HashMap<>();
    Map<JsonNode, Integer> setByContent = new HashMap<>();
    for (CompiledTool compiled : tools) {
      for (ObjectNode schema : schemas(compiled)) {
        JsonNode defs = schema.get(DEFS);
        if (defs == null || !defs.isObject() || pool.setByInstance.containsKey(defs)) continue;
        ObjectNode indices = Json.object();
        for (Map.Entry<String, JsonNode> member : defs.properties()) {
          JsonNode def = member.getValue();
          Integer index = pool.memberByInstance.get(def);
          if (index == null) {
            index =
                memberByContent.computeIfAbsent(
                    def,
                    d -> {
                      pool.members.add(d);
                      return pool.members.size() - 1;
                    });
            pool.memberByInstance.put(def, index);
          }
          indices.put(member.getKey(), index);
        }
        Integer set =
            setByContent.computeIfAbsent(
                indices,
                s -> {
                  pool.sets.add(indices);
                  return pool.sets.size() - 1;
                });
        pool.setByInstance.put(defs, set);
      }
    }
    return pool;
  }

  /**
   * A pool read from a file.
   *
   * @throws IllegalArgumentException when a set names a member the pool lacks
   */
  static DefsPool read(JsonNode membersArray, JsonNode setsArray) {
    if (membersArray == null || !membersArray.isArray()) {
      throw new IllegalArgumentException("defs is not an array");
    }
    if (setsArray == null || !setsArray.isArray()) {
      throw new IllegalArgumentException("defSets is not an array");
    }
    List<JsonNode> members = new ArrayList<>(membersArray.size());
    membersArray.forEach(members::add);
    List<ObjectNode> sets = new ArrayList<>(setsArray.size());
    for (JsonNode set : setsArray) sets.add(checkedSet(set, members.size()));
    return new DefsPool(members, sets);
  }

  /** The def members, in index order, as the file's {@code defs} array holds them. */
  List<JsonNode> members() {
    return members;
  }

  /**
   * The distinct {@code $defs} objects as name-to-member-index maps, as the file's {@code defSets}
   * array holds them.
   */
  List<ObjectNode> sets() {
    return sets;
  }

  /** {@link #sets()} as one array. */
  ArrayNode setsJson() {
    ArrayNode array = Json.array();
    sets.forEach(array::add);
    return array;
  }

  /**
   * A pool holding only the sets numbered {@code wanted} and the members they name, each read alone
   * ({@code readSet}, {@code readMember}: by index) out of {@code setCount} sets and {@code
   * memberCount} members: what one tool's schemas need.
   *
   * @throws IllegalArgumentException when a set is not an object or names a member the pool lacks
   */
  static DefsPool sparse(
      int memberCount,
      int setCount,
      Collection<Integer> wanted,
      IntFunction<JsonNode> readSet,
      IntFunction<JsonNode> readMember) {
    List<JsonNode> members = Arrays.asList(new JsonNode[memberCount]);
    List<ObjectNode> sets = Arrays.asList(new ObjectNode[setCount]);
    for (int setIndex : wanted) {
      if (setIndex < 0 || setIndex >= setCount || sets.get(setIndex) != null) continue;
      ObjectNode set = checkedSet(readSet.apply(setIndex), memberCount);
      sets.set(setIndex, set);
      for (JsonNode member : set) {
        int i = member.intValue();
        if (members.get(i) == null) members.set(i, readMember.apply(i));
      }
    }
    return new DefsPool(members, sets);
  }

  private static ObjectNode checkedSet(JsonNode set, int memberCount) {
    if (!set.isObject()) throw new IllegalArgumentException("a defSets entry is not an object");
    for (Map.Entry<String, JsonNode> e : set.properties()) {
      JsonNode index = e.getValue();
      if (!index.isInt() || index.intValue() < 0 || index.intValue() >= memberCount) {
        throw new IllegalArgumentException(
            "$defs entry \"" + e.getKey() + "\" is not an index into defs");
      }
    }
    return (ObjectNode) set;
  }

  /** A shallow copy of {@code schema} whose {@code $defs} is the index of its set. */
  ObjectNode pooled(ObjectNode schema) {
    JsonNode defs = schema.get(DEFS);
    if (defs == null || !defs.isObject()) return schema;
    return replaceDefs(schema, IntNode.valueOf(setByInstance.get(defs)));
  }

  /**
   * The schema as it was before {@link #pooled}: the set index replaced by its {@code $defs}
   * object, one shared instance per set.
   *
   * @throws IllegalArgumentException when the index is not one of the pool's sets
   */
  ObjectNode unpooled(ObjectNode stored) {
    JsonNode index = stored.get(DEFS);
    if (index == null) return stored;
    if (this == WITHOUT_DEFS) {
      ObjectNode copy = stored.deepCopy();
      copy.remove(DEFS);
      return copy;
    }
    if (!index.isInt()
        || index.intValue() < 0
        || index.intValue() >= sets.size()
        || sets.get(index.intValue()) == null) {
      throw new IllegalArgumentException("$defs is not an index into defSets");
    }
    return replaceDefs(stored, set(index.intValue()));
  }

  private synchronized ObjectNode set(int index) {
    return materialized.computeIfAbsent(
        index,
        i -> {
          ObjectNode defs = Json.object();
          for (Map.Entry<String, JsonNode> e : sets.get(i).properties()) {
            defs.set(e.getKey(), members.get(e.getValue().intValue()));
          }
          return defs;
        });
  }

  private static ObjectNode replaceDefs(ObjectNode schema, JsonNode defs) {
    ObjectNode copy = Json.object();
    schema
        .properties()
        .forEach(e -> copy.set(e.getKey(), e.getKey().equals(DEFS) ? defs : e.getValue()));
    return copy;
  }

  private static List<ObjectNode> schemas(CompiledTool tool) {
    return tool.outputSchema() == null
        ? List.of(tool.inputSchema())
        : List.of(tool.inputSchema(), tool.outputSchema());
  }
}
