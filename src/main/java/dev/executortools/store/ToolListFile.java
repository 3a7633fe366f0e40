package dev.executortools.store;

import dev.executortools.compile.CompiledTool;
import dev.executortools.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Compiled tools as JSON, in the stored form of a source file's tools ({@code {"defs": [..],
 * "defSets": [..], "tools": [..]}}): how the bundled source ships precompiled, so that start-up
 * reads a few kilobytes of JSON instead of parsing and compiling a YAML document.
 */
public final class ToolListFile {
  private ToolListFile() {}

  public static void write(List<CompiledTool> tools, OutputStream out) {
    DefsPool pool = DefsPool.of(tools);
    try (JsonGenerator gen = Json.MAPPER.createGenerator(out)) {
      gen.writeStartObject();
      gen.writeName("defs");
      gen.writeStartArray();
      for (JsonNode def : pool.members()) gen.writeTree(def);
      gen.writeEndArray();
      gen.writeName("defSets");
      gen.writeTree(pool.setsJson());
      gen.writeName("tools");
      gen.writeStartArray();
      for (CompiledTool tool : tools) gen.writeTree(CompiledToolJson.toJson(tool, pool));
      gen.writeEndArray();
      gen.writeEndObject();
    }
  }

  /**
   * @throws IllegalArgumentException when {@code in} is not what {@link #write} writes
   */
  public static List<CompiledTool> read(InputStream in) throws IOException {
    JsonNode defs = null;
    DefsPool pool = null;
    List<CompiledTool> tools = new ArrayList<>();
    try (JsonParser p = Json.MAPPER.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT)
        throw new IllegalArgumentException("not a JSON object");
      for (String name = p.nextName(); name != null; name = p.nextName()) {
        p.nextToken();
        switch (name) {
          case "defs" -> defs = p.readValueAsTree();
          case "defSets" -> pool = DefsPool.read(defs, p.readValueAsTree());
          case "tools" -> {
            if (pool == null) throw new IllegalArgumentException("defs and defSets are missing");
            while (p.nextToken() != JsonToken.END_ARRAY) {
              tools.add(CompiledToolJson.fromJson(p.readValueAsTree(), pool));
            }
          }
          default -> p.skipChildren();
        }
      }
    }
    return tools;
  }
}
