package dev.executortools.store;

import dev.executortools.compile.CompiledTool;
import dev.executortools.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

/**
 * Finds one tool in a source file by the index at its end: the file's last bytes give where the
 * index starts ({@code "indexAt":"<16 digits>"}), the index gives the byte range of the defs and of
 * each tool, def and def set. Calling one tool of a 22,000-tool source reads its index, parses the
 * offsets and the one group of tool entries its id belongs to ({@link ToolBuckets}), then reads
 * that tool and the defs its schemas name.
 */
final class SourceFileIndex {
  private static final Pattern TRAILER = Pattern.compile("\"indexAt\":\"(\\d{16})\"\\}\\s*$");
  private static final int TAIL = 64;

  /** An index larger than this is not believed (a damaged file). */
  private static final long MAX_INDEX_BYTES = 256L * 1024 * 1024;

  private SourceFileIndex() {}

  static String trailerNumber(long position) {
    return String.format("%016d", position);
  }

  /** Whether the file ends with an index (files of format 2 do not: they are read in full). */
  static boolean hasIndex(FileChannel channel) throws IOException {
    long size = channel.size();
    byte[] tail = read(channel, Math.max(0, size - TAIL), size);
    return TRAILER.matcher(new String(tail, StandardCharsets.ISO_8859_1)).find();
  }

  /**
   * What a read through a file's index found; {@code indexed} is false, with a null {@code value},
   * for a file that has no index (format 2), which is then read whole.
   */
  record Read<T>(boolean indexed, T value) {
    private static <T> Read<T> unindexed() {
      return new Read<>(false, null);
    }
  }

  /**
   * The tool with {@code id} in the open source file, empty when the file has none.
   *
   * @throws IllegalArgumentException when the index points at something that is not a tool
   */
  static Read<Optional<CompiledTool>> find(FileChannel channel, String id) throws IOException {
    long size = channel.size();
    byte[] indexBytes = indexBytes(channel, size);
    if (indexBytes == null) return Read.unindexed();
    IndexEntries index = IndexEntries.read(indexBytes, id);
    if (index.tool() == null) return new Read<>(true, Optional.empty());
    JsonNode tool = value(slice(channel, index.tool(), size));
    CompiledTool compiled =
        CompiledToolJson.fromJson(
            tool, pool(channel, index, CompiledToolJson.defSetsOf(tool), size));
    if (!compiled.tool().id().equals(id)) {
      throw new IllegalArgumentException("its index points at another tool than " + id);
    }
    return new Read<>(true, Optional.of(compiled));
  }

  /**
   * The tools at positions {@code from} to {@code from + count} (exclusive) of the open source
   * file, in stored order, with the defs their schemas name: one page of a listing read without the
   * rest.
   *
   * @throws IllegalArgumentException when the index points at something that is not a tool
   */
  static Read<List<CompiledTool>> range(FileChannel channel, int from, int count)
      throws IOException {
    long size = channel.size();
    byte[] indexBytes = indexBytes(channel, size);
    if (indexBytes == null) return Read.unindexed();
    IndexEntries index = IndexEntries.read(indexBytes, null);
    long[] ranges = index.toolRanges();
    int to = Math.min(ranges.length / 2, from + count);
    List<JsonNode> tools = new ArrayList<>();
    List<Integer> sets = new ArrayList<>();
    for (int i = Math.max(0, from); i < to; i++) {
      JsonNode tool = value(slice(channel, ranges[2 * i], ranges[2 * i + 1], size));
      tools.add(tool);
      sets.addAll(CompiledToolJson.defSetsOf(tool));
    }
    DefsPool pool = pool(channel, index, sets, size);
    List<CompiledTool> out = new ArrayList<>(tools.size());
    for (JsonNode tool : tools) out.add(CompiledToolJson.fromJson(tool, pool));
    return new Read<>(true, out);
  }

  /** The bytes of the index, found by the trailer at the file's end; null when it has none. */
  private static byte[] indexBytes(FileChannel channel, long size) throws IOException {
    long tailStart = Math.max(0, size - TAIL);
    byte[] tail = read(channel, tailStart, size);
    Matcher m = TRAILER.matcher(new String(tail, StandardCharsets.ISO_8859_1));
    if (!m.find()) return null;
    long indexAt = Long.parseLong(m.group(1));
    long indexEnd = tailStart + m.start();
    if (indexAt < 0 || indexAt >= indexEnd || indexEnd - indexAt > MAX_INDEX_BYTES) {
      throw new IllegalArgumentException("its index position is out of range");
    }
    return read(channel, indexAt, indexEnd);
  }

  /**
   * The defs the tools' schemas name ({@code wanted} def sets): with the offsets of each def and
   * def set in the index, those alone; in files written without them, all of them.
   */
  private static DefsPool pool(
      FileChannel channel, IndexEntries index, List<Integer> wanted, long size) throws IOException {
    long[] defs = index.defOffsets();
    long[] sets = index.defSetOffsets();
    if (defs == null || sets == null || defs.length == 0 || sets.length == 0) {
      return DefsPool.read(
          value(slice(channel, index.defs(), size)), value(slice(channel, index.defSets(), size)));
    }
    try {
      return DefsPool.sparse(
          defs.length - 1,
          sets.length - 1,
          wanted,
          i -> value(element(channel, sets, i, size)),
          i -> value(element(channel, defs, i, size)));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static byte[] slice(FileChannel channel, long[] range, long size) throws IOException {
    if (range == null || range.length != 2)
      throw new IllegalArgumentException("its index is malformed");
    return slice(channel, range[0], range[1], size);
  }

  /** Element {@code i} of an array whose element offsets are {@code offsets}. */
  private static byte[] element(FileChannel channel, long[] offsets, int i, long size) {
    try {
      return slice(channel, offsets[i], offsets[i + 1], size);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] slice(FileChannel channel, long start, long end, long size)
      throws IOException {
    if (start < 0 || end < start || end > size || end - start > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("its index holds a range outside the file");
    }
    return read(channel, start, end);
  }

  private static byte[] read(FileChannel channel, long start, long end) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) (end - start));
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, start + buffer.position()) < 0) {
        throw new IllegalArgumentException("it ends before its index says");
      }
    }
    return buffer.array();
  }

  /** The one JSON value in {@code bytes}, after the separators ({@code , :}) written before it. */
  private static JsonNode value(byte[] bytes) {
    int at = 0;
    while (at < bytes.length && (bytes[at] == ',' || bytes[at] == ':' || bytes[at] <= ' ')) at++;
    try (JsonParser p = Json.MAPPER.createParser(bytes, at, bytes.length - at)) {
      if (p.nextToken() == null) throw new IllegalArgumentException("its index points at nothing");
      return p.readValueAsTree();
    }
  }
}
