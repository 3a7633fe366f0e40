package dev.executortools.store;

import dev.executortools.internal.Json;
import java.util.Arrays;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * What one lookup needs of a source file's index, read as a stream (a 22,000-tool index is not
 * built as a tree to find one entry): the byte range of the tool {@code id}, or with a null id the
 * ranges of every tool in file order ({@code toolRanges}, two numbers each), of the defs and def
 * sets, and the offsets of each def and def set (absent in files written before them: null). With
 * {@code toolBuckets} ahead of {@code tools}, a lookup parses only the id's group ({@link
 * ToolBuckets}); files written before them are searched entry by entry.
 */
record IndexEntries(
    long[] tool,
    long[] toolRanges,
    long[] defs,
    long[] defSets,
    long[] defOffsets,
    long[] defSetOffsets) {
  /**
   * @throws IllegalArgumentException when the index is not an object of number arrays
   */
  static IndexEntries read(byte[] bytes, String id) {
    int at = 0;
    while (at < bytes.length && (bytes[at] == ',' || bytes[at] == ':' || bytes[at] <= ' ')) at++;
    long[] tool = null,
        toolRanges = null,
        defs = null,
        defSets = null,
        defOffsets = null,
        defSetOffsets = null;
    long[] buckets = null;
    try (JsonParser p = Json.MAPPER.createParser(bytes, at, bytes.length - at)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw malformed();
      for (String name = p.nextName(); name != null; name = p.nextName()) {
        p.nextToken();
        switch (name) {
          case "tools" -> {
            if (id == null) {
              toolRanges = toolRanges(p);
            } else if (buckets != null) {
              // where the tools object starts in bytes (the parser counts from at); the rest is not
              // read
              int toolsAt = at + Math.toIntExact(p.currentTokenLocation().getByteOffset());
              tool = toolRange(ToolBuckets.bucket(bytes, toolsAt, buckets, id), id);
              return new IndexEntries(tool, null, defs, defSets, defOffsets, defSetOffsets);
            } else {
              tool = toolRange(p, id);
            }
          }
          case "toolBuckets" -> buckets = numbers(p);
          case "defs" -> defs = numbers(p);
          case "defSets" -> defSets = numbers(p);
          case "defOffsets" -> defOffsets = numbers(p);
          case "defSetOffsets" -> defSetOffsets = numbers(p);
          default -> p.skipChildren();
        }
      }
    }
    return new IndexEntries(tool, toolRanges, defs, defSets, defOffsets, defSetOffsets);
  }

  private static long[] toolRange(byte[] group, String id) {
    try (JsonParser p = Json.MAPPER.createParser(group)) {
      p.nextToken();
      return toolRange(p, id);
    }
  }

  private static long[] toolRange(JsonParser p, String id) {
    if (p.currentToken() != JsonToken.START_OBJECT) throw malformed();
    long[] range = null;
    for (String key = p.nextName(); key != null; key = p.nextName()) {
      p.nextToken();
      if (key.equals(id)) {
        range = numbers(p);
      } else {
        p.skipChildren();
      }
    }
    return range;
  }

  private static long[] toolRanges(JsonParser p) {
    if (p.currentToken() != JsonToken.START_OBJECT) throw malformed();
    long[] all = new long[64];
    int n = 0;
    for (String key = p.nextName(); key != null; key = p.nextName()) {
      p.nextToken();
      long[] one = numbers(p);
      if (one.length != 2) throw malformed();
      if (n + 2 > all.length) all = Arrays.copyOf(all, all.length * 2);
      all[n++] = one[0];
      all[n++] = one[1];
    }
    return inFileOrder(Arrays.copyOf(all, n));
  }

  /**
   * The (start, end) pairs sorted by start: grouped by {@link ToolBuckets}, they are listed out of
   * order.
   */
  private static long[] inFileOrder(long[] pairs) {
    long[][] sorted = new long[pairs.length / 2][];
    for (int i = 0; i < sorted.length; i++) sorted[i] = new long[] {pairs[2 * i], pairs[2 * i + 1]};
    Arrays.sort(sorted, (a, b) -> Long.compare(a[0], b[0]));
    long[] out = new long[pairs.length];
    for (int i = 0; i < sorted.length; i++) {
      out[2 * i] = sorted[i][0];
      out[2 * i + 1] = sorted[i][1];
    }
    return out;
  }

  private static long[] numbers(JsonParser p) {
    if (p.currentToken() != JsonToken.START_ARRAY) throw malformed();
    long[] values = new long[8];
    int n = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.VALUE_NUMBER_INT) throw malformed();
      if (n == values.length) values = Arrays.copyOf(values, n * 2);
      values[n++] = p.getLongValue();
    }
    return Arrays.copyOf(values, n);
  }

  private static IllegalArgumentException malformed() {
    return new IllegalArgumentException("its index is malformed");
  }
}
