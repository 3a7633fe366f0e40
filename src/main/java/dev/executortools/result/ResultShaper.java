package dev.executortools.result;

import dev.executortools.internal.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cuts a JSON value to at most a number of characters (as compact JSON) by shape, not blindly: an
 * array keeps its first items that fit, a long string its beginning (ending in {@code …}), and an
 * object all its members, the small ones whole and the large ones sharing what is left alike (so an
 * envelope keeps its {@code ok} and {@code http} and cuts its {@code data}). Each cut is listed
 * with its JSONPath and what was kept of how much. Work is bounded by the size kept, not the
 * value's.
 */
public final class ResultShaper {
  /** Most omissions listed one by one; the rest are counted. */
  public static final int MAX_LISTED = 20;

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final List<ObjectNode> omitted = new ArrayList<>();
  private int moreOmitted;
  private Shaped.Pages pages;

  private ResultShaper() {}

  /**
   * {@code value} within {@code maxChars} characters of compact JSON (the same instance when it
   * fits).
   */
  public static Shaped shape(JsonNode value, long maxChars) {
    ResultShaper shaper = new ResultShaper();
    JsonNode shaped = shaper.shape(value, Math.max(0, maxChars), Place.ROOT);
    ArrayNode list = Json.array();
    shaper.omitted.forEach(list::add);
    return new Shaped(shaped, list, shaper.moreOmitted, shaper.pages);
  }

  /**
   * The length of {@code value} as compact JSON when at most {@code limit}; else some value above
   * it.
   */
  public static long sizeUpTo(JsonNode value, long limit) {
    return JsonSize.upTo(value, limit);
  }

  private JsonNode shape(JsonNode node, long budget, Place place) {
    if (JsonSize.upTo(node, budget) <= budget) return node;
    if (node.isString()) return cutString(node.stringValue(), budget, place);
    if (node.isArray()) return cutArray(node, budget, place);
    if (node.isObject()) return cutObject(node, budget, place);
    return node; // a number, boolean or null cannot be shorter
  }

  private JsonNode cutString(String text, long budget, Place place) {
    long room = budget - 3; // quotes and the ellipsis
    int end = 0;
    for (long used = 0; end < text.length(); end++) {
      used += JsonSize.charLength(text.charAt(end));
      if (used > room) break;
    }
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) end--;
    omit(place, "chars", end, text.length());
    return JsonNodeFactory.instance.stringNode(text.substring(0, end) + "…");
  }

  private JsonNode cutArray(JsonNode array, long budget, Place place) {
    ArrayNode out = Json.array();
    long used = 2;
    for (int i = 0; i < array.size(); i++) {
      JsonNode item = array.get(i);
      long room = budget - used - (out.isEmpty() ? 0 : 1);
      long size = JsonSize.upTo(item, room);
      if (size <= room) {
        out.add(item);
        used += size + (out.size() > 1 ? 1 : 0);
        continue;
      }
      if (out.isEmpty() && room > 2) out.add(shape(item, room, place.index(0)));
      break;
    }
    if (out.size() < array.size()) {
      omit(place, "items", out.size(), array.size());
      if (pages == null || array.size() > pages.total()) {
        pages =
            new Shaped.Pages(place.path(), place.pointer(), Math.max(1, out.size()), array.size());
      }
    }
    return out;
  }

  /**
   * Small members whole, and what is left shared alike among the large ones (water-filling); when
   * even the names do not fit, the first members that do.
   */
  private JsonNode cutObject(JsonNode object, long budget, Place place) {
    List<Map.Entry<String, JsonNode>> members = new ArrayList<>(object.properties());
    long fixed = 1 + members.size();
    for (Map.Entry<String, JsonNode> member : members)
      fixed += JsonSize.ofString(member.getKey()) + 1;
    if (fixed + 4L * members.size() > budget) return firstMembers(members, budget, place);

    long available = budget - fixed;
    long[] sizes = new long[members.size()];
    Integer[] order = new Integer[members.size()];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = JsonSize.upTo(members.get(i).getValue(), available);
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparingLong(i -> sizes[i]));
    long[] shares = new long[sizes.length];
    long left = available;
    for (int k = 0; k < order.length; k++) {
      int i = order[k];
      long share = left / (order.length - k);
      shares[i] = Math.min(sizes[i], share);
      left -= shares[i];
    }
    ObjectNode out = Json.object();
    for (int i = 0; i < sizes.length; i++) {
      Map.Entry<String, JsonNode> member = members.get(i);
      JsonNode value = member.getValue();
      out.set(
          member.getKey(),
          sizes[i] <= shares[i] ? value : shape(value, shares[i], place.member(member.getKey())));
    }
    return out;
  }

  private JsonNode firstMembers(
      List<Map.Entry<String, JsonNode>> members, long budget, Place place) {
    ObjectNode out = Json.object();
    long used = 2;
    for (Map.Entry<String, JsonNode> member : members) {
      long size = JsonSize.ofString(member.getKey()) + 1 + (out.isEmpty() ? 0 : 1);
      size += JsonSize.upTo(member.getValue(), budget - used - size);
      if (used + size > budget) break;
      out.set(member.getKey(), member.getValue());
      used += size;
    }
    omit(place, "members", out.size(), members.size());
    return out;
  }

  private void omit(Place place, String what, int kept, int total) {
    if (omitted.size() >= MAX_LISTED) {
      moreOmitted++;
      return;
    }
    ObjectNode entry = Json.object().put("path", place.path());
    entry.putObject(what).put("kept", kept).put("total", total);
    omitted.add(entry);
  }

  /** Where a value sits, built only when a cut is listed. */
  private record Place(Place parent, String name, int index) {
    static final Place ROOT = new Place(null, null, -1);

    Place member(String name) {
      return new Place(this, name, -1);
    }

    Place index(int index) {
      return new Place(this, null, index);
    }

    String path() {
      if (parent == null) return "$";
      String up = parent.path();
      if (name == null) return up + "[" + index + "]";
      if (PLAIN_NAME.matcher(name).matches()) return up + "." + name;
      return up + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    JsonPointer pointer() {
      if (parent == null) return JsonPointer.empty();
      JsonPointer step =
          name == null
              ? JsonPointer.compile("/" + index)
              : JsonPointer.compile("/" + name.replace("~", "~0").replace("/", "~1"));
      return parent.pointer().append(step);
    }
  }
}
