package dev.executortools.cli;

import dev.executortools.internal.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Runs the command line in this JVM with captured stdin, stdout and stderr, and no terminal unless
 * a test gives one (a developer's own terminal would otherwise be asked to approve).
 */
final class CliRunner {
  record Run(int exit, String out, String err) {
    JsonNode json() {
      return Json.parse(out);
    }

    /** The envelope's {@code data}. */
    JsonNode data() {
      return json().path("data");
    }

    /** The envelope's {@code error.code}, or "" when ok. */
    String errorCode() {
      return json().path("error").path("code").asString("");
    }

    String all() {
      return out + err;
    }
  }

  private final Path home;

  CliRunner(Path home) {
    this.home = home;
  }

  Run run(String stdin, String... args) {
    List<String> withHome = new ArrayList<>(List.of("--home", home.toString()));
    withHome.addAll(List.of(args));
    return runRaw(stdin, withHome.toArray(String[]::new));
  }

  /** Runs with no terminal: a tool that requires approval answers approval_required. */
  static Run runRaw(String stdin, String... args) {
    return runRaw(System.getenv(), Terminal.NONE, stdin, args);
  }

  /** Runs with {@code environment} as the commands' environment instead of the process's. */
  static Run runRaw(Map<String, String> environment, String stdin, String... args) {
    return runRaw(environment, Terminal.NONE, stdin, args);
  }

  /** Runs with approval prompts going to {@code terminals}. */
  static Run runRaw(Terminal.Source terminals, String stdin, String... args) {
    return runRaw(System.getenv(), terminals, stdin, args);
  }

  static synchronized Run runRaw(
      Map<String, String> environment, Terminal.Source terminals, String stdin, String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    InputStream oldIn = System.in;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      int exit = Main.run(environment, terminals, args);
      return new Run(
          exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
      System.setIn(oldIn);
    }
  }
}
