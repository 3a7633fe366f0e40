package dev.executortools.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Runs the everyday commands once on a throw-away home, so that a JVM started with {@code
 * -XX:ArchiveClassesAtExit} records every class they load: {@code bin/executor-tools} builds its
 * class-data-sharing archive this way. Prints nothing; the exit code is 0 when every step ran.
 */
public final class Warmup {
  private static final String SPEC = """
      {"openapi": "3.0.3", "info": {"title": "warm", "version": "1"},
       "servers": [{"url": "http://127.0.0.1:9"}],
       "paths": {"/items/{id}": {"get": {"operationId": "getItem", "tags": ["items"],
         "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
                        {"name": "q", "in": "query", "schema": {"type": "integer"}}],
         "responses": {"200": {"description": "ok", "content": {"application/json":
           {"schema": {"$ref": "#/components/schemas/Item"}}}}}}}},
       "components": {"schemas": {"Item": {"type": "object", "properties": {"id": {"type": "string"}}}}}}
      """;

  private Warmup() {}

  public static void main(String[] args) throws IOException {
    Path home = Files.createTempDirectory("executor-tools-warmup");
    PrintStream out = System.out;
    PrintStream err = System.err;
    PrintStream none = new PrintStream(OutputStream.nullOutputStream());
    System.setOut(none);
    System.setErr(none);
    try {
      Preloader.preload(true);
      String h = home.toString();
      Main.run("--home", h, "tools", "list");
      Main.run("--home", h, "call", "--yes", "openapi.addSource",
          "{\"namespace\": \"warm\", \"spec\": " + com(SPEC) + "}");
      Main.run("--home", h, "tools", "list", "--schemas");
      Main.run("--home", h, "tools", "describe", "warm.items.getItem");
      Main.run("--home", h, "sources", "list");
      Main.run("--home", h, "call", "warm.items.getItem", "{\"id\": \"a/b\", \"q\": 1}");
      Main.run("--home", h, "call", "warm.items.getItem", "{\"q\": \"x\"}");
    } finally {
      System.setOut(out);
      System.setErr(err);
      try (Stream<Path> files = Files.walk(home)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static String com(String text) {
    return dev.executortools.internal.Json.MAPPER.writeValueAsString(text);
  }
}
