package dev.executortools.cli;

import dev.executortools.internal.Json;
import dev.executortools.schema.ArgumentValidator;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * Initializes, on a second thread while picocli reads the command line, what the command needs
 * next: the JSON mapper (every command), and for commands that call tools the schema validator and
 * an HTTP client (OkHttp's set-up loads the platform's TLS trust store). The work is the same the
 * command would do itself, done earlier on the other core; whichever thread comes first does it
 * (class initialization is done once, under the JVM's lock), so nothing here is shared or kept.
 */
final class Preloader {
  private static final List<String> CALLING = List.of("call", "mcp");

  private Preloader() {}

  static void start(String... args) {
    boolean calls = List.of(args).stream().anyMatch(CALLING::contains);
    Thread thread = new Thread(() -> preload(calls), "executor-tools-preload");
    thread.setDaemon(true);
    thread.start();
  }

  /** The work itself, on the calling thread ({@link Warmup} runs it so the archive holds its classes). */
  static void preload(boolean calls) {
    try {
      Json.parse("{}");
      if (!calls) return;
      ArgumentValidator.forSchema(Json.object().put("type", "object")).validate(Json.object());
      new OkHttpClient.Builder().build();
    } catch (RuntimeException | LinkageError e) {
      // The command meets the same failure on its own thread and reports it there.
    }
  }
}
