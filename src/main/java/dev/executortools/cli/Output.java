package dev.executortools.cli;

import dev.executortools.internal.Json;
import java.io.FilterOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/** stdout carries results (JSON), stderr carries people's messages. */
final class Output {
  private Output() {}

  static void json(JsonNode node) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.println(Json.pretty(node));
    out.flush();
  }

  /**
   * Prints a JSON array element by element as {@code elements} writes them, flushing as it goes:
   * output of any size in constant memory.
   */
  static void jsonArray(java.util.function.Consumer<JsonGenerator> elements) {
    OutputStream out = new FilterOutputStream(System.out) {
      @Override
      public void write(byte[] b, int off, int len) {
        System.out.write(b, off, len);
      }

      @Override
      public void close() {
        System.out.flush();
      }
    };
    try (JsonGenerator gen = Json.MAPPER.writerWithDefaultPrettyPrinter().createGenerator(out)) {
      gen.writeStartArray();
      elements.accept(gen);
      gen.writeEndArray();
    }
    System.out.println();
    System.out.flush();
  }

  static void error(String message) {
    System.err.println("executor-tools: " + message);
  }
}
