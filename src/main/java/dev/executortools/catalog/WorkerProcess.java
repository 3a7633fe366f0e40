package dev.executortools.catalog;

import dev.executortools.internal.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM running {@link ExtractWorker}, owned by one thread of the parent. A spec that
 * overruns its deadline gets the child killed (whatever it was doing: a parser that never checks
 * for interruption stops too) and the next spec starts a fresh child.
 */
final class WorkerProcess implements AutoCloseable {
  /** How long a new worker may take to start and warm up before its first spec. */
  private static final Duration STARTUP = Duration.ofMinutes(2);

  /** Put on the reply queue when the child's stdout ends. */
  private static final String EOF = "\u0000eof";

  private final ExtractOptions options;
  private Process process;
  private Writer requests;
  private BlockingQueue<String> replies;

  WorkerProcess(ExtractOptions options) {
    this.options = options;
  }

  /** Extracts {@code input} in the child; a timeout or a dead child is an {@code error} outcome. */
  ExtractOutcome extract(SpecInput input, Duration timeout) throws InterruptedException {
    if (process == null || !process.isAlive()) {
      String failure = start();
      if (failure != null) return ExtractOutcome.failed(failure, 0);
    }
    long start = System.nanoTime();
    String line;
    try {
      requests.write(Json.write(input.toJson()) + "\n");
      requests.flush();
      line = replies.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (IOException e) {
      line = EOF;
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (line == null) {
      kill();
      return ExtractOutcome.failed(
          "timeout: extraction took longer than the per-spec budget of "
              + seconds(timeout)
              + " (--timeout-per-spec); the worker was stopped",
          millis);
    }
    if (line.equals(EOF)) {
      int code = exitCode();
      return ExtractOutcome.failed(
          "internal_error: the worker process ended while extracting this spec"
              + (code >= 0 ? " (exit code " + code + ")" : ""),
          millis);
    }
    try {
      return ExtractOutcome.fromJson(Json.parse(line));
    } catch (RuntimeException e) {
      kill();
      return ExtractOutcome.failed(
          "internal_error: the worker answered something unreadable", millis);
    }
  }

  /**
   * Starts a child and waits until it is warmed up (the spec's deadline starts after that); null
   * when it is ready, else why it is not.
   */
  private String start() throws InterruptedException {
    try {
      launch();
    } catch (IOException e) {
      process = null;
      return "internal_error: cannot start a worker JVM: " + e.getMessage();
    }
    String line = replies.poll(STARTUP.toSeconds(), TimeUnit.SECONDS);
    if (ExtractWorker.READY.equals(line)) return null;
    int code = line == null ? kill() : exitCode();
    return "internal_error: the worker JVM did not start"
        + (line == null
            ? " within " + STARTUP.toSeconds() + " s"
            : code >= 0 ? " (exit code " + code + ")" : "");
  }

  private void launch() throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + options.heapMbPerJob() + "m");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ExtractWorker.class.getName());
    command.add(options.outDir().toAbsolutePath().toString());
    if (options.inputSchemas()) command.add(ExtractWorker.INPUT_SCHEMAS);
    process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    LiveWorkers.add(process);
    requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    replies = queue;
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    Thread reader = new Thread(() -> pump(out, queue), "catalog-worker-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private static void pump(BufferedReader out, BlockingQueue<String> queue) {
    try (out) {
      for (String line = out.readLine(); line != null; line = out.readLine()) queue.add(line);
    } catch (IOException e) {
      // the child is gone: same as end of output
    }
    queue.add(EOF);
  }

  /** The exit code of a child whose output ended (it is given a moment to exit), or -1. */
  private int exitCode() throws InterruptedException {
    Process p = process;
    if (p != null) p.waitFor(2, TimeUnit.SECONDS);
    return kill();
  }

  /** Stops the child; its exit code, or -1 when it had to be killed. */
  private int kill() {
    Process p = process;
    process = null;
    if (p == null) return -1;
    if (!p.isAlive()) return p.exitValue();
    p.destroyForcibly();
    try {
      p.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return -1;
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  @Override
  public void close() {
    Process p = process;
    if (p == null) return;
    try {
      requests.close();
      if (!p.waitFor(5, TimeUnit.SECONDS)) kill();
    } catch (IOException e) {
      kill();
    } catch (InterruptedException e) {
      kill();
      Thread.currentThread().interrupt();
    }
    process = null;
  }
}
