package dev.executortools.store;

import dev.executortools.internal.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.ArrayNode;

/**
 * The index's {@code tools} object (id to byte range) written in groups by a hash of the id, with
 * where each group starts ({@code toolBuckets}): finding one tool parses one group of about {@value
 * #TOOLS_PER_BUCKET} entries, not all of them (Microsoft Graph's index is 1 MB, beta's 2.5 MB). The
 * hash is {@link String#hashCode}, which the Java language fixes, so any JVM finds the group.
 */
final class ToolBuckets {
  static final int TOOLS_PER_BUCKET = 64;

  private ToolBuckets() {}

  /**
   * The {@code tools} object for tools {@code ids} with byte ranges {@code ranges} (same order), as
   * JSON text; {@code offsets} gets where each group starts in that text and where the last ends.
   */
  static String write(List<String> ids, List<long[]> ranges, ArrayNode offsets) {
    int buckets = (ids.size() + TOOLS_PER_BUCKET - 1) / TOOLS_PER_BUCKET;
    List<List<Integer>> members = new ArrayList<>(buckets);
    for (int b = 0; b < buckets; b++) members.add(new ArrayList<>());
    for (int i = 0; i < ids.size(); i++) members.get(of(ids.get(i), buckets)).add(i);
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    try (JsonGenerator gen = Json.MAPPER.createGenerator(text)) {
      gen.writeStartObject();
      for (List<Integer> bucket : members) {
        gen.flush();
        offsets.add(text.size());
        for (int i : bucket) {
          gen.writeName(ids.get(i));
          gen.writeArray(ranges.get(i), 0, 2);
        }
      }
      gen.flush();
      offsets.add(text.size());
      gen.writeEndObject();
    }
    return text.toString(StandardCharsets.UTF_8);
  }

  /**
   * The group {@code id} belongs to, as a JSON object of its own: {@code index} holds the tools
   * object from {@code toolsAt} on, its groups starting at {@code offsets} (relative to it).
   *
   * @throws IllegalArgumentException when the offsets point outside the index
   */
  static byte[] bucket(byte[] index, int toolsAt, long[] offsets, String id) {
    if (offsets.length < 2) return "{}".getBytes(StandardCharsets.US_ASCII);
    int b = of(id, offsets.length - 1);
    long from = toolsAt + offsets[b];
    long to = toolsAt + offsets[b + 1];
    if (offsets[b] < 1 || from > to || to > index.length) {
      throw new IllegalArgumentException("its index is malformed");
    }
    int start = (int) from;
    if (start < to && index[start] == ',') start++; // the separator before the group's first entry
    byte[] group = new byte[(int) to - start + 2];
    group[0] = '{';
    System.arraycopy(index, start, group, 1, (int) to - start);
    group[group.length - 1] = '}';
    return group;
  }

  private static int of(String id, int buckets) {
    return Math.floorMod(id.hashCode(), buckets);
  }
}
