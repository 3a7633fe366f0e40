package dev.executortools.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a tool answers on success, read from its output schema: many things (an array, or a page of
 * them: an object whose main property is an array), one thing (any other object), or unknown (no
 * schema, a choice of shapes that disagree). Search reads it to tell a GET that lists from one that
 * gets when the path leaves it open ({@code GET /repositories/{workspace}} lists a workspace's
 * repositories).
 *
 * <p>A page is told by its structure, not by the name of its array ({@code values}, {@code items},
 * {@code data}, {@code calls}...): its only array of objects, beside nothing but scalars (counts,
 * cursors, links), and items that carry at least as much as the page itself, so that a thing with a
 * short list inside ({@code {id, name, os, status, busy, labels: [{id, name, type}]}}) stays one.
 */
public enum Answer {
  MANY,
  ONE,
  UNKNOWN;

  /** How deep {@code $ref}s and {@code allOf}s are followed. */
  private static final int DEPTH = 8;

  /**
   * How many schemas one reading may visit: a schema whose parts refer to each other many times
   * over ({@code allOf} of the same {@code $ref} at every level) is read as unknown rather than
   * walked along every path.
   */
  private static final int VISITS = 2_000;

  /** What a tool whose success schema is {@code schema} (null: none) answers. */
  public static Answer of(ObjectNode schema) {
    if (schema == null) return UNKNOWN;
    Reading reading = new Reading(schema);
    Answer answer = reading.of(schema, 0);
    return reading.exhausted() ? UNKNOWN : answer;
  }

  /** One reading of one schema: its root, for {@code $ref}s, and what is left of its visits. */
  private static final class Reading {
    private final JsonNode root;
    private int visits = VISITS;

    Reading(JsonNode root) {
      this.root = root;
    }

    boolean exhausted() {
      return visits < 0;
    }

    private Answer of(JsonNode schema, int depth) {
      JsonNode s = resolve(schema);
      if (s == null || depth > DEPTH) return UNKNOWN;
      if (isArray(s)) return MANY;
      for (String choice : List.of("oneOf", "anyOf")) {
        if (!s.path(choice).isArray() || s.path(choice).isEmpty()) continue;
        Answer agreed = null;
        for (JsonNode option : s.path(choice)) {
          Answer one = of(option, depth + 1);
          if (agreed != null && agreed != one) return UNKNOWN;
          agreed = one;
        }
        return agreed;
      }
      Map<String, JsonNode> properties = properties(s, depth);
      if (properties.isEmpty()) return UNKNOWN;
      return isPage(properties) ? MANY : ONE;
    }

    /** Whether an object of {@code properties} is a page of its one array's items. */
    private boolean isPage(Map<String, JsonNode> properties) {
      List<Map<String, JsonNode>> items = new ArrayList<>();
      for (JsonNode property : properties.values()) {
        JsonNode p = resolve(property);
        if (p == null) continue;
        if (isArray(p)) {
          Map<String, JsonNode> item = properties(resolve(p.path("items")), 0);
          if (!item.isEmpty()) items.add(item);
        } else if (!properties(p, 0).isEmpty() || isObject(p)) {
          return false; // a thing of its own beside the array: the answer is one thing
        }
      }
      return items.size() == 1 && items.get(0).size() >= properties.size() - 1;
    }

    /**
     * The properties of an object schema, those of its {@code allOf} parts and of each of its
     * choices ({@code oneOf}, {@code anyOf}: an artist or a track) included.
     */
    private Map<String, JsonNode> properties(JsonNode schema, int depth) {
      Map<String, JsonNode> out = new LinkedHashMap<>();
      JsonNode s = resolve(schema);
      if (s == null || depth > DEPTH) return out;
      JsonNode own = s.path("properties");
      for (String name : own.propertyNames()) out.put(name, own.get(name));
      for (JsonNode part : s.path("allOf")) out.putAll(properties(part, depth + 1));
      for (String choice : List.of("oneOf", "anyOf")) {
        for (JsonNode option : s.path(choice)) out.putAll(properties(option, depth + 1));
      }
      return out;
    }

    /**
     * {@code schema} with its {@code $ref}s followed; null when it leads nowhere or visits ran out.
     */
    private JsonNode resolve(JsonNode schema) {
      if (--visits < 0) return null;
      JsonNode s = schema;
      for (int i = 0; i < DEPTH && s != null && !s.isMissingNode(); i++) {
        JsonNode next = Defs.follow(root, s);
        if (next == s) return s;
        s = next;
      }
      return s == null || s.isMissingNode() ? null : s;
    }
  }

  private static boolean isArray(JsonNode s) {
    return hasType(s, "array");
  }

  private static boolean isObject(JsonNode s) {
    return hasType(s, "object");
  }

  private static boolean hasType(JsonNode s, String type) {
    JsonNode t = s.path("type");
    if (t.isString()) return t.asString().equals(type);
    for (JsonNode one : t) if (one.asString("").equals(type)) return true;
    return false;
  }
}
