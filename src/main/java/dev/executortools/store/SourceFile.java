package dev.executortools.store;

import dev.executortools.compile.CompiledTool;
import dev.executortools.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The file of one stored source, streamed both ways (no pretty printing, no whole-file string):
 * {@code {"formatVersion":4,"namespace":..,"addedAt":..,"refreshedAt":..,"config":{..},
 * "toolCount":N,"specTextChars":N,"defs":[..],"defSets":[..],"tools":[{"tool":{..},"binding":{..}},..],
 * "specText":"..","index":{..},"indexAt":".."}}}. {@code defs} holds every {@code $defs} member of
 * the tools' schemas once (see {@link DefsPool}). What listings need comes first, the spec text
 * (needed only to refresh) last, and {@link SourceFileIndex} finds one tool without reading the
 * rest. Version 3 files (tool entries in file order) and version 2 files (spec text inside {@code
 * config}, no index) are still read.
 */
final class SourceFile {
  /**
   * 4: the index groups its tool entries ({@link ToolBuckets}), which older versions would page out
   * of order.
   */
  static final int FORMAT_VERSION = 4;

  private static final int OLDEST_READABLE = 2;

  private SourceFile() {}

  static void write(StoredSource source, OutputStream target) {
    CountingOutputStream out = new CountingOutputStream(target);
    ObjectNode index = Json.object();
    List<String> toolIds = new ArrayList<>();
    List<long[]> toolRanges = new ArrayList<>();
    String specText = source.config().specText();
    try (JsonGenerator gen = Json.MAPPER.createGenerator(out)) {
      gen.writeStartObject();
      gen.writeNumberProperty("formatVersion", FORMAT_VERSION);
      gen.writeStringProperty("namespace", source.namespace());
      gen.writeStringProperty("addedAt", source.addedAt().toString());
      gen.writeStringProperty("refreshedAt", source.refreshedAt().toString());
      gen.writeName("config");
      gen.writeTree(source.config().withSpecText(null).toJson());
      gen.writeNumberProperty("toolCount", source.tools().size());
      gen.writeNumberProperty("specTextChars", specText == null ? -1 : specText.length());
      DefsPool pool = DefsPool.of(source.tools());
      gen.writeName("defs");
      long start = out.position(gen);
      writeArray(gen, out, pool.members(), index.putArray("defOffsets"));
      index.putArray("defs").add(start).add(out.position(gen));
      gen.writeName("defSets");
      start = out.position(gen);
      writeArray(gen, out, pool.sets(), index.putArray("defSetOffsets"));
      index.putArray("defSets").add(start).add(out.position(gen));
      gen.writeName("tools");
      gen.writeStartArray();
      for (CompiledTool tool : source.tools()) {
        start = out.position(gen);
        gen.writeTree(CompiledToolJson.toJson(tool, pool));
        toolIds.add(tool.tool().id());
        toolRanges.add(new long[] {start, out.position(gen)});
      }
      gen.writeEndArray();
      if (specText != null) gen.writeStringProperty("specText", specText);
      String tools = ToolBuckets.write(toolIds, toolRanges, index.putArray("toolBuckets"));
      gen.writeName("index");
      long indexAt = out.position(gen);
      gen.writeStartObject();
      for (Map.Entry<String, JsonNode> entry : index.properties()) {
        gen.writeName(entry.getKey());
        gen.writeTree(entry.getValue());
      }
      gen.writeName("tools"); // last: a lookup reads the offsets before it, then one group of it
      gen.writeRawValue(tools);
      gen.writeEndObject();
      gen.writeStringProperty("indexAt", SourceFileIndex.trailerNumber(indexAt));
      gen.writeEndObject();
    }
  }

  /**
   * Writes {@code values} as an array, adding to {@code offsets} where each one starts and where
   * the last one ends (N + 1 positions), so that {@link SourceFileIndex} can read any one alone.
   */
  private static void writeArray(
      JsonGenerator gen,
      CountingOutputStream out,
      List<? extends JsonNode> values,
      ArrayNode offsets) {
    gen.writeStartArray();
    offsets.add(out.position(gen));
    for (JsonNode value : values) {
      gen.writeTree(value);
      offsets.add(out.position(gen));
    }
    gen.writeEndArray();
  }

  /**
   * Reads a whole source file.
   *
   * @throws IllegalArgumentException when the content is well-formed JSON of the wrong shape or of
   *     a newer format (the message never quotes stored values)
   * @throws tools.jackson.core.JacksonException when it is not well-formed JSON
   */
  static StoredSource read(InputStream in) throws IOException {
    List<CompiledTool> tools = new ArrayList<>();
    Reader reader = new Reader(true, true);
    reader.read(in, tools::add, false);
    SourceSummary summary = reader.summary();
    if (reader.toolsSeen < 0) throw new IllegalArgumentException("tools is missing");
    if (summary.toolCount() != tools.size()) {
      throw new IllegalArgumentException(
          "holds " + tools.size() + " tools where toolCount says " + summary.toolCount());
    }
    SourceConfig config =
        summary
            .config()
            .withSpecText(reader.specText != null ? reader.specText : summary.config().specText())
            .requireSpec();
    return new StoredSource(config, summary.addedAt(), summary.refreshedAt(), tools);
  }

  /**
   * The summary at the head of a source file ({@code in} reads {@code file} from its start),
   * reading no further than the tools' defs, and checking that the file ends with its index.
   */
  static SourceSummary readSummary(InputStream in, java.nio.channels.FileChannel file)
      throws IOException {
    Reader reader = new Reader(false, false);
    reader.read(in, null, true);
    SourceSummary summary = reader.summary();
    if (reader.version >= 3 && !SourceFileIndex.hasIndex(file)) {
      throw new IllegalArgumentException("it ends early (cut short?)");
    }
    return summary;
  }

  /**
   * The summary with the config's spec text (what a refresh starts from), passing over the defs and
   * tools without building them.
   */
  static SourceSummary readSummaryWithSpecText(InputStream in) throws IOException {
    Reader reader = new Reader(false, true);
    reader.read(in, null, false);
    SourceSummary summary = reader.summary();
    SourceConfig config =
        summary
            .config()
            .withSpecText(reader.specText != null ? reader.specText : summary.config().specText())
            .requireSpec();
    return new SourceSummary(
        config,
        summary.addedAt(),
        summary.refreshedAt(),
        summary.toolCount(),
        summary.specTextChars());
  }

  /**
   * Hands every tool of the file to {@code sink} as it is read, none kept. Without {@code schemas}
   * the tools' schemas lack their {@code $defs} (the defs are not even read).
   */
  static SourceSummary stream(InputStream in, boolean schemas, Consumer<CompiledTool> sink)
      throws IOException {
    Reader reader = new Reader(schemas, false);
    reader.read(in, sink, false);
    SourceSummary summary = reader.summary();
    if (reader.toolsSeen != summary.toolCount()) {
      throw new IllegalArgumentException(
          "holds " + reader.toolsSeen + " tools where toolCount says " + summary.toolCount());
    }
    return summary;
  }

  /** One pass over a file's fields; remembers what later steps check. */
  private static final class Reader {
    private final boolean withDefs;

    /** Only a whole read keeps the spec text (Graph beta's is 47 MB); a stream passes over it. */
    private final boolean withSpecText;

    Integer version;
    String namespace;
    Instant addedAt;
    Instant refreshedAt;
    SourceConfig config;
    Integer toolCount;
    long specTextChars = -1;
    String specText;
    int toolsSeen = -1;
    private JsonNode defs;
    private DefsPool pool;

    Reader(boolean withDefs, boolean withSpecText) {
      this.withDefs = withDefs;
      this.withSpecText = withSpecText;
    }

    void read(InputStream in, Consumer<CompiledTool> sink, boolean headOnly) throws IOException {
      try (JsonParser p = Json.MAPPER.createParser(in)) {
        if (p.nextToken() != JsonToken.START_OBJECT)
          throw new IllegalArgumentException("not a JSON object");
        for (String name = p.nextName(); name != null; name = p.nextName()) {
          JsonToken token = p.nextToken();
          if (headOnly && (name.equals("defs") || name.equals("tools"))) return;
          switch (name) {
            case "formatVersion" -> version(p.getValueAsInt(-1));
            case "namespace" -> namespace = p.getValueAsString();
            case "addedAt" -> addedAt = instant(p.getValueAsString(), name);
            case "refreshedAt" -> refreshedAt = instant(p.getValueAsString(), name);
            case "config" -> config = config(p.readValueAsTree());
            case "toolCount" -> toolCount = p.getValueAsInt(-1);
            case "specTextChars" -> specTextChars = p.getValueAsLong(-1);
            case "specText" -> {
              if (withSpecText) specText = p.getValueAsString();
            }
            case "defs" -> {
              if (withDefs) defs = p.readValueAsTree();
              else p.skipChildren();
            }
            case "defSets" ->
                pool = withDefs ? DefsPool.read(defs, p.readValueAsTree()) : skipped(p);
            case "tools" -> {
              if (pool == null)
                throw new IllegalArgumentException(
                    "defs and defSets are missing or not before tools");
              tools(p, token, sink);
            }
            default -> p.skipChildren();
          }
        }
      }
    }

    private void version(int value) {
      version = value;
      if (value < OLDEST_READABLE || value > FORMAT_VERSION) {
        throw new IllegalArgumentException(
            "format version "
                + value
                + " is not supported (this version reads "
                + OLDEST_READABLE
                + " to "
                + FORMAT_VERSION
                + "); it may come from a newer executor-tools");
      }
    }

    private static DefsPool skipped(JsonParser p) {
      p.skipChildren();
      return DefsPool.WITHOUT_DEFS;
    }

    private void tools(JsonParser p, JsonToken token, Consumer<CompiledTool> sink) {
      if (token != JsonToken.START_ARRAY)
        throw new IllegalArgumentException("tools is not an array");
      requireHead();
      toolsSeen = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        toolsSeen++;
        if (sink == null) {
          p.skipChildren();
          continue;
        }
        JsonNode json = p.readValueAsTree();
        try {
          sink.accept(CompiledToolJson.fromJson(json, pool));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("tool #" + toolsSeen + ": " + e.getMessage());
        }
      }
    }

    private void requireHead() {
      if (version == null) throw new IllegalArgumentException("no formatVersion");
      if (config == null || addedAt == null || refreshedAt == null || toolCount == null) {
        throw new IllegalArgumentException("config, addedAt, refreshedAt or toolCount is missing");
      }
      if (!config.namespace().equals(namespace)) {
        throw new IllegalArgumentException("namespace and config.namespace differ");
      }
    }

    SourceSummary summary() {
      requireHead();
      long chars =
          specTextChars >= 0
              ? specTextChars
              : config.specText() != null ? config.specText().length() : -1;
      return new SourceSummary(config, addedAt, refreshedAt, toolCount, chars);
    }
  }

  private static SourceConfig config(JsonNode json) {
    try {
      return SourceConfig.fromJsonWithoutSpec(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("config: " + e.getMessage());
    }
  }

  private static Instant instant(String text, String field) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException(field + " is not an ISO-8601 instant");
    }
  }

  /** Counts the bytes written, so each part's position can go into the index. */
  private static final class CountingOutputStream extends java.io.FilterOutputStream {
    private long count;

    CountingOutputStream(OutputStream out) {
      super(out);
    }

    /** The position after everything {@code gen} has written so far. */
    long position(JsonGenerator gen) {
      gen.flush();
      return count;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }

    @Override
    public void flush() {
      // positions only: the file is flushed and synced once, when it is complete
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
