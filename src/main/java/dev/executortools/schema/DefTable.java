package dev.executortools.schema;

import dev.executortools.internal.Json;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The document's referenced schemas, each translated once and shared (read-only) by every tool that
 * reaches it, and the per-tool {@code $defs} built from them.
 *
 * <p>A reference that re-enters its own schema without descending into the instance ({@code A:
 * {allOf: [{$ref: A}]}}) would make any validator loop forever; such references are cut when the
 * def is translated. Recursion through {@code properties}, {@code items} and the like is kept as a
 * {@code $ref}.
 */
final class DefTable {
  /** A translated def and the defs its schema refers to directly. */
  record Def(ObjectNode schema, Set<String> refs) {}

  private final DefNames names;
  private final SchemaTranslator translator;
  private final Map<String, Def> forInput = new ConcurrentHashMap<>();
  private final Map<String, Def> forOutput = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> inPlaceEdges = new ConcurrentHashMap<>();
  private final InPlaceCycles cycles = new InPlaceCycles(this::inPlaceEdges);
  private final Map<String, Integer> indexes = new ConcurrentHashMap<>();
  private final AtomicInteger nextIndex = new AtomicInteger();
  private final Map<Integer, String> nameOf = new ConcurrentHashMap<>();
  private final Map<String, BitSet> inputClosures = new ConcurrentHashMap<>();
  private final Map<String, BitSet> outputClosures = new ConcurrentHashMap<>();
  private final Map<BitSet, ObjectNode> sharedInputDefs = new ConcurrentHashMap<>();
  private final Map<BitSet, ObjectNode> sharedOutputDefs = new ConcurrentHashMap<>();
  private final Map<Set<String>, ObjectNode> inputDefsByRoots = new ConcurrentHashMap<>();
  private final Map<Set<String>, ObjectNode> outputDefsByRoots = new ConcurrentHashMap<>();

  DefTable(DefNames names, Descriptions descriptions) {
    this.names = names;
    this.translator = new SchemaTranslator(this, descriptions);
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
   * transitively, sorted by name; null when there are none. Tools that reach the same defs share
   * one object, and the closure of a set of roots is computed once: in a document whose schemas all
   * reach each other (Microsoft Graph), 22,000 tools would otherwise each build and hold a map of
   * thousands of entries.
   */
  ObjectNode defsFor(Set<String> roots, boolean input) {
    if (roots.isEmpty()) return null;
    Map<Set<String>, ObjectNode> byRoots = input ? inputDefsByRoots : outputDefsByRoots;
    ObjectNode known = byRoots.get(roots);
    if (known != null) return known;
    BitSet key = closure(roots, input);
    ObjectNode defs =
        (input ? sharedInputDefs : sharedOutputDefs)
            .computeIfAbsent(
                key,
                k -> {
                  List<String> reached = new ArrayList<>(k.cardinality());
                  k.stream().forEach(i -> reached.add(nameOf.get(i)));
                  Collections.sort(reached);
                  ObjectNode built = Json.object();
                  for (String name : reached) built.set(name, def(name, input).schema());
                  return built;
                });
    byRoots.putIfAbsent(Set.copyOf(roots), defs);
    return defs;
  }

  /**
   * The indexes of every def reached from {@code roots}. The closure of each single def is kept,
   * and a walk that meets a def with a known closure takes it whole instead of walking it again.
   */
  private BitSet closure(Set<String> roots, boolean input) {
    Map<String, BitSet> closures = input ? inputClosures : outputClosures;
    String single = roots.size() == 1 ? roots.iterator().next() : null;
    if (single != null && closures.containsKey(single)) return closures.get(single);
    BitSet reached = new BitSet();
    Deque<String> pending = new ArrayDeque<>(roots);
    while (!pending.isEmpty()) {
      String name = pending.pop();
      int index = index(name);
      if (reached.get(index)) continue;
      BitSet whole = closures.get(name);
      if (whole != null) {
        reached.or(whole);
        continue;
      }
      reached.set(index);
      pending.addAll(def(name, input).refs());
    }
    if (single != null) closures.putIfAbsent(single, reached);
    return reached;
  }

  private int index(String name) {
    return indexes.computeIfAbsent(
        name,
        n -> {
          int index = nextIndex.getAndIncrement();
          nameOf.put(index, n);
          return index;
        });
  }

  /**
   * True when evaluating def {@code from} on an instance can re-enter {@code owner} on that same
   * instance.
   */
  boolean leadsBackInPlace(String from, String owner) {
    if (cycles.sameCycle(from, owner)) return true;
    // Asked from owner's own schema, owner leads to from: outside owner's cycle, from cannot lead
    // back.
    if (inPlaceEdges(owner).contains(from)) return false;
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
    return inPlaceEdges.computeIfAbsent(
        name,
        n -> {
          Set<String> edges = new LinkedHashSet<>();
          scanInPlace(names.target(n), edges, 0);
          return Set.copyOf(edges);
        });
  }

  /**
   * The defs a raw schema applies to its own instance: {@code $ref} and the in-place applicators.
   */
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
