package dev.executortools.registry;

import dev.executortools.compile.CompiledTool;
import dev.executortools.internal.Json;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a refresh changed: tool ids added, removed, and changed (schema, binding or text), told by
 * {@link ToolFingerprints} so that the old tools need not be held next to the new ones.
 */
final class SourceDiff {
  private SourceDiff() {}

  /** {@code before}: the old tools' fingerprints by id ({@link #fingerprints}). */
  static ObjectNode between(
      String namespace, SortedMap<String, String> before, List<CompiledTool> after) {
    ToolFingerprints fingerprints = new ToolFingerprints();
    Map<String, String> now = new TreeMap<>();
    after.forEach(t -> now.put(t.tool().id(), fingerprints.of(t)));
    ObjectNode data = Json.object();
    data.put("sourceId", namespace);
    data.put("toolCount", after.size());
    ArrayNode added = data.putArray("added");
    ArrayNode removed = data.putArray("removed");
    ArrayNode changed = data.putArray("changed");
    now.forEach(
        (id, fingerprint) -> {
          String previous = before.get(id);
          if (previous == null) {
            added.add(id);
          } else if (!previous.equals(fingerprint)) {
            changed.add(id);
          }
        });
    before.keySet().stream().filter(id -> !now.containsKey(id)).forEach(removed::add);
    return data;
  }

  /** The fingerprints by id of {@code tools}, handed over one at a time (streamed from a store). */
  static SortedMap<String, String> fingerprints(Consumer<Consumer<CompiledTool>> tools) {
    ToolFingerprints fingerprints = new ToolFingerprints();
    SortedMap<String, String> byId = new TreeMap<>();
    tools.accept(t -> byId.put(t.tool().id(), fingerprints.of(t)));
    return byId;
  }
}
