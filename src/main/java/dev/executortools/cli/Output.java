package dev.executortools.cli;

import dev.executortools.internal.Json;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/** stdout carries results (JSON), stderr carries people's messages. */
final class Output {
  private Output() {}

  static void json(JsonNode node) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.println(Json.pretty(node));
    out.flush();
  }

  static void error(String message) {
    System.err.println("executor-tools: " + message);
  }
}
