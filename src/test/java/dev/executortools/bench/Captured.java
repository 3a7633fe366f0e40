package dev.executortools.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A whole process run to its end: its exit status, its stdout, and its wall-clock time. */
record Captured(int exit, String stdout, double ms) {
  static Captured run(List<String> command) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    return new Captured(exit, out, (System.nanoTime() - start) / 1e6);
  }
}
