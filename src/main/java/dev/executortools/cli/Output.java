package dev.executortools.cli;

import dev.executortools.ErrorCode;
import dev.executortools.ToolError;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import java.io.FilterOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * The one output contract of every command: exactly one JSON document on stdout in the tool-result
 * envelope ({@code {"ok": true, "data": ...}} or {@code {"ok": false, "error": {"code", "message",
 * ...}}}) and the exit code that goes with it: 0 ok, 1 failed, 2 usage ({@code invalid_usage}).
 * Messages for people go to stderr. Each method prints and returns the exit code, so a command ends
 * with {@code return Output.ok(data);}.
 */
final class Output {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private Output() {}

  /** Prints {@code {"ok": true, "data": data}}; exit 0. */
  static int ok(JsonNode data) {
    return result(ToolResult.success(data));
  }

  /** Prints {@code {"ok": false, "error": error}}; exit 2 for {@code invalid_usage}, else 1. */
  static int fail(ToolError error) {
    return result(ToolResult.failure(error));
  }

  /** A command line that cannot run as given: {@code invalid_usage}, exit 2. */
  static int usage(String message) {
    return fail(ToolError.of(ErrorCode.INVALID_USAGE, message));
  }

  /** Prints a tool result as it is; the exit code follows from it. */
  static int result(ToolResult result) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.println(Json.pretty(result.toJson()));
    out.flush();
    return exitCode(result);
  }

  /**
   * Prints {@code {"ok": false, "error": {"code", "message"}}} with no JSON library, for when the
   * library itself cannot run (a class of it failed to initialize when the heap ran out); exit 1.
   * The message is the program's own text: only quotes, backslashes and controls are escaped.
   */
  static int lastResort(ErrorCode code, String message) {
    StringBuilder escaped = new StringBuilder();
    for (char c : message.toCharArray()) {
      if (c == '"' || c == '\\') escaped.append('\\').append(c);
      else if (c < 0x20) escaped.append(String.format("\\u%04x", (int) c));
      else escaped.append(c);
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.println(
        "{\n  \"ok\" : false,\n  \"error\" : {\n    \"code\" : \""
            + code.wireName()
            + "\",\n    \"message\" : \""
            + escaped
            + "\"\n  }\n}");
    out.flush();
    return FAILED;
  }

  static int exitCode(ToolResult result) {
    if (result.ok()) return OK;
    return result.error().code() == ErrorCode.INVALID_USAGE ? USAGE : FAILED;
  }

  /**
   * Prints {@code {"ok": true, "data": [...]}} with the array's elements written by {@code
   * elements} as they come, flushing as it goes: output of any size in constant memory; exit 0.
   */
  static int okArray(Consumer<JsonGenerator> elements) {
    OutputStream out =
        new FilterOutputStream(System.out) {
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
      gen.writeStartObject();
      gen.writeBooleanProperty("ok", true);
      gen.writeArrayPropertyStart("data");
      elements.accept(gen);
      gen.writeEndArray();
      gen.writeEndObject();
    }
    System.out.println();
    System.out.flush();
    return OK;
  }

  /** A message for people, on stderr. */
  static void error(String message) {
    System.err.println("executor-tools: " + message);
  }
}
