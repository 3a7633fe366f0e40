package dev.executortools.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Runs a test main class in a separate JVM (a second process on the same home directory). */
public final class ChildJvm {
  /** The file children wait for before they start writing, so that they write at the same time. */
  public static final String GO_FILE = "go";

  /** How long {@link #awaitLine} waits for a line before it gives up on a silent child. */
  public static final Duration LINE_TIMEOUT = Duration.ofSeconds(60);

  /** Marks the end of a child's stdout in its line queue. */
  private static final String END = new String("end of stdout");

  /**
   * Each child's stdout lines, read by one daemon thread per child, so no line is lost between
   * calls.
   */
  private static final Map<Process, BlockingQueue<String>> LINES = new ConcurrentHashMap<>();

  private ChildJvm() {}

  public static Process start(Class<?> main, Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    Process child = new ProcessBuilder(command).redirectError(log.toFile()).start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    LINES.put(child, lines);
    Thread reader = new Thread(() -> readLines(child, lines), "stdout of " + main.getSimpleName());
    reader.setDaemon(true);
    reader.start();
    return child;
  }

  private static void readLines(Process child, BlockingQueue<String> lines) {
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) lines.add(line);
    } catch (IOException e) {
      // the child was killed: its stdout ends here
    } finally {
      lines.add(END);
    }
  }

  /**
   * Waits until the child prints a line equal to {@code expected}; false when its stdout ended
   * first. A child that stays silent for {@link #LINE_TIMEOUT} is killed and an {@link
   * AssertionError} says so, rather than the test waiting forever.
   */
  public static boolean awaitLine(Process child, String expected) {
    return awaitLine(child, expected, LINE_TIMEOUT);
  }

  public static boolean awaitLine(Process child, String expected, Duration timeout) {
    BlockingQueue<String> lines = LINES.get(child);
    if (lines == null) throw new IllegalArgumentException("not started by ChildJvm: " + child);
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (line == null) {
          child.destroyForcibly();
          throw new AssertionError(
              "child " + child.pid() + " printed no \"" + expected + "\" within " + timeout);
        }
        if (line == END) {
          lines.add(END);
          return false;
        }
        if (line.equals(expected)) return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      child.destroyForcibly();
      throw new UncheckedIOException(new IOException("interrupted waiting for the child", e));
    }
  }

  /** In a child: waits until the parent creates {@code dir/go}. */
  public static void awaitGo(Path dir) throws InterruptedException {
    while (!Files.exists(dir.resolve(GO_FILE))) Thread.sleep(2);
  }
}
