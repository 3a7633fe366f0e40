package dev.executortools.schema;

import dev.executortools.internal.Json;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The document's referenced schemas, each translated once and shared (read-only) by every tool
 * that reaches it, and the per-tool {@code $defs} built from them.
 *
 * <p>A reference that re-enters its own schema without descending into the instance
 * ({@code A: {allOf: [{$ref: A}]}}) would make any validator loop forever; such references are cut
 * when the def is translated. Recursion through {@code properties}, {@code items} and the like is
 * kept as a {@code $ref}.
 */
final class DefTable {
  /** A translated def and the defs its schema refers to directly. */
  record Def(ObjectNode schema, Set<String> refs) {}

  private final DefNames names;
  private final SchemaTranslator translator = new SchemaTranslator(this);
  private final Map<String, Def> forInput = new ConcurrentHashMap<>();
  private final Map<String, Def> forOutput = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> inPlaceEdges = new ConcurrentHashMap<>();

  DefTable(DefNames names) {
    this.names = names;
  }

  DefNames names() {
    return names;
  }

  SchemaTranslator translator() {
    return translator;
  }

  /**
   * A def as arguments ({@code input}) or responses use it. Most defs read the same both ways and
   * are translated once; only those with required readOnly / writeOnly properties differ.
   */
  Def def(String name, boolean input) {
    Map<String, Def> cache = input ? forInput : forOutput;
    Def def = cache.get(name);
    if (def != null) return def;
    SchemaTranslator.Scope scope = new SchemaTranslator.Scope(name, input);
    ObjectNode schema = translator.translate(names.target(name), scope);
    Def translated = new Def(schema, Set.copyOf(scope.refs));
    def = cache.putIfAbsent(name, translated);
    if (def != null) return def;
    if (!scope.directional) (input ? forOutput : forInput).putIfAbsent(name, translated);
    return translated;
  }

  /**
   * The {@code $defs} object for schemas that refer to {@code roots} directly: every def reached
   * transitively, sorted by name; null when there are none.
   */
  ObjectNode defsFor(Set<String> roots, boolean input) {
    if (roots.isEmpty()) return null;
    Set<String> reached = new TreeSet<>();
    Deque<String> pending = new ArrayDeque<>(roots);
    while (!pending.isEmpty()) {
      String name = pending.pop();
      if (reached.add(name)) pending.addAll(def(name, input).refs());
    }
    ObjectNode defs = Json.object();
    for (String name : reached) defs.set(name, def(name, input).schema());
    return defs;
  }

  /** True when evaluating def {@code from} on an instance can re-enter {@code owner} on that same instance. */
  boolean leadsBackInPlace(String from, String owner) {
    Set<String> seen = new HashSet<>();
    Deque<String> pending = new ArrayDeque<>();
    pending.push(from);
    while (!pending.isEmpty()) {
      String name = pending.pop();
      if (name.equals(owner)) return true;
      if (seen.add(name)) pending.addAll(inPlaceEdges(name));
    }
    return false;
  }

  private Set<String> inPlaceEdges(String name) {
    return inPlaceEdges.computeIfAbsent(name, n -> {
      Set<String> edges = new LinkedHashSet<>();
      scanInPlace(names.target(n), edges, 0);
      return Set.copyOf(edges);
    });
  }

  /** The defs a raw schema applies to its own instance: {@code $ref} and the in-place applicators. */
  private void scanInPlace(JsonNode raw, Set<String> edges, int depth) {
    if (raw == null || !raw.isObject() || depth > SchemaTranslator.MAX_DEPTH) return;
    String ref = Json.text(raw, "$ref");
    if (ref != null) {
      String target = names.nameFor(ref);
      if (target != null) edges.add(target);
    }
    for (String list : new String[] {"allOf", "anyOf", "oneOf"}) {
      JsonNode items = raw.get(list);
      if (items != null && items.isArray()) {
        for (JsonNode item : items) scanInPlace(item, edges, depth + 1);
      }
    }
    for (String single : new String[] {"not", "if", "then", "else"}) {
      scanInPlace(raw.get(single), edges, depth + 1);
    }
    for (String map : new String[] {"dependentSchemas", "dependencies"}) {
      JsonNode members = raw.get(map);
      if (members != null && members.isObject()) {
        for (Map.Entry<String, JsonNode> member : members.properties()) {
          scanInPlace(member.getValue(), edges, depth + 1);
        }
      }
    }
  }
}
