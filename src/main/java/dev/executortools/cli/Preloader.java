package dev.executortools.cli;

import dev.executortools.internal.HttpParsers;
import dev.executortools.internal.Json;
import dev.executortools.invoke.HttpTransport;
import dev.executortools.schema.ArgumentValidator;
import java.util.List;

/**
 * Initializes, on a second thread while picocli reads the command line, what the command needs
 * next, in the order it needs it: the JSON mapper (every command), and for commands that call tools
 * the schema validator, OkHttp's URL parser and the process's HTTP clients (the TLS-capable one
 * last: OkHttp's set-up loads the platform's trust store). The work is the same the command would
 * do itself, done earlier on the other core; each piece is a class initialization, done once under
 * the JVM's lock by whichever thread comes first.
 */
final class Preloader {
  private static final List<String> CALLING = List.of("call", "mcp");

  private Preloader() {}

  static void start(String... args) {
    boolean calls = false;
    for (String arg : args) calls |= CALLING.contains(arg);
    Thread thread = new Thread(new Work(calls), "executor-tools-preload");
    thread.setDaemon(true);
    thread.start();
  }

  /** A class, not a lambda: linking a lambda's call site costs a start-up what it saves. */
  private record Work(boolean calls) implements Runnable {
    @Override
    public void run() {
      preload(calls);
    }
  }

  private static void preload(boolean calls) {
    try {
      Json.pretty(
          Json.parse("{}")); // every command prints: the writer's first use links method handles
      if (!calls) return;
      ArgumentValidator.forSchema(Json.object().put("type", "object")).validate(Json.object());
      HttpParsers.url("http://127.0.0.1/"); // OkHttp's URL parser, for addresses and host names
      HttpParsers.url("https://example.com/");
      HttpTransport
          .prepare(); // the cleartext client, then TLS (for https URLs: an http GET does not wait
      // for it)
    } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
      // The command meets the same failure on its own thread and reports it there (out of memory
      // too: as internal_error, never a stack trace).
    }
  }
}
