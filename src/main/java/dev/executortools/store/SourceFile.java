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
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * The file of one stored source, streamed both ways (no pretty printing, no whole-file string):
 * {@code {"formatVersion":1,"namespace":..,"addedAt":..,"refreshedAt":..,"config":{..},
 * "toolCount":N,"defs":[..],"tools":[{"tool":{..},"binding":{..}},..]}}, where {@code defs} holds
 * every {@code $defs} member of the tools' schemas once (see {@link DefsPool}).
 */
final class SourceFile {
  static final int FORMAT_VERSION = 2;

  private SourceFile() {}

  static void write(StoredSource source, OutputStream out) {
    try (JsonGenerator gen = Json.MAPPER.createGenerator(out)) {
      gen.writeStartObject();
      gen.writeNumberProperty("formatVersion", FORMAT_VERSION);
      gen.writeStringProperty("namespace", source.namespace());
      gen.writeStringProperty("addedAt", source.addedAt().toString());
      gen.writeStringProperty("refreshedAt", source.refreshedAt().toString());
      gen.writeName("config");
      gen.writeTree(source.config().toJson());
      gen.writeNumberProperty("toolCount", source.tools().size());
      DefsPool pool = DefsPool.of(source.tools());
      gen.writeName("defs");
      gen.writeStartArray();
      for (JsonNode def : pool.members()) gen.writeTree(def);
      gen.writeEndArray();
      gen.writeName("defSets");
      gen.writeTree(pool.setsJson());
      gen.writeName("tools");
      gen.writeStartArray();
      for (CompiledTool tool : source.tools()) gen.writeTree(CompiledToolJson.toJson(tool, pool));
      gen.writeEndArray();
      gen.writeEndObject();
    }
  }

  /**
   * Reads a source file.
   *
   * @throws IllegalArgumentException when the content is well-formed JSON of the wrong shape or of
   *     a newer format (the message never quotes stored values)
   * @throws tools.jackson.core.JacksonException when it is not well-formed JSON
   */
  static StoredSource read(InputStream in) throws IOException {
    Integer version = null;
    String namespace = null;
    Instant addedAt = null;
    Instant refreshedAt = null;
    SourceConfig config = null;
    Integer toolCount = null;
    List<CompiledTool> tools = null;
    JsonNode defs = null;
    DefsPool pool = null;
    try (JsonParser p = Json.MAPPER.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT)
        throw new IllegalArgumentException("not a JSON object");
      for (String name = p.nextName(); name != null; name = p.nextName()) {
        JsonToken token = p.nextToken();
        switch (name) {
          case "formatVersion" -> {
            version = p.getValueAsInt(-1);
            if (version != FORMAT_VERSION) {
              throw new IllegalArgumentException(
                  "format version "
                      + version
                      + " is not supported (this version reads "
                      + FORMAT_VERSION
                      + "); it may come from a newer executor-tools");
            }
          }
          case "namespace" -> namespace = p.getValueAsString();
          case "addedAt" -> addedAt = instant(p.getValueAsString(), name);
          case "refreshedAt" -> refreshedAt = instant(p.getValueAsString(), name);
          case "config" -> config = config(p.readValueAsTree());
          case "toolCount" -> toolCount = p.getValueAsInt(-1);
          case "defs" -> defs = p.readValueAsTree();
          case "defSets" -> pool = DefsPool.read(defs, p.readValueAsTree());
          case "tools" -> {
            if (pool == null)
              throw new IllegalArgumentException("defs and defSets are missing or not before tools");
            tools = tools(p, token, pool);
          }
          default -> p.skipChildren();
        }
      }
    }
    if (version == null) throw new IllegalArgumentException("no formatVersion");
    if (config == null || addedAt == null || refreshedAt == null || tools == null) {
      throw new IllegalArgumentException("config, addedAt, refreshedAt or tools is missing");
    }
    if (!config.namespace().equals(namespace)) {
      throw new IllegalArgumentException("namespace and config.namespace differ");
    }
    if (toolCount == null || toolCount != tools.size()) {
      throw new IllegalArgumentException(
          "holds " + tools.size() + " tools where toolCount says " + toolCount);
    }
    return new StoredSource(config, addedAt, refreshedAt, tools);
  }

  private static List<CompiledTool> tools(JsonParser p, JsonToken token, DefsPool pool) {
    if (token != JsonToken.START_ARRAY) throw new IllegalArgumentException("tools is not an array");
    List<CompiledTool> tools = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      JsonNode json = p.readValueAsTree();
      try {
        tools.add(CompiledToolJson.fromJson(json, pool));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("tool #" + (tools.size() + 1) + ": " + e.getMessage());
      }
    }
    return tools;
  }

  private static SourceConfig config(JsonNode json) {
    try {
      return SourceConfig.fromJson(json);
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
}
