package dev.executortools.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a test main class in a separate JVM (a second process on the same home directory). */
public final class ChildJvm {
  /** The file children wait for before they start writing, so that they write at the same time. */
  public static final String GO_FILE = "go";

  private ChildJvm() {}

  public static Process start(Class<?> main, Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(log.toFile()).start();
  }

  /**
   * Reads the child's stdout until a line equals {@code expected}; false when the child ended
   * first.
   */
  public static boolean awaitLine(Process child, String expected) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.equals(expected)) return true;
    }
    return false;
  }

  /** In a child: waits until the parent creates {@code dir/go}. */
  public static void awaitGo(Path dir) throws InterruptedException {
    while (!Files.exists(dir.resolve(GO_FILE))) Thread.sleep(2);
  }
}
