package dev.executortools.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A CLI command run under {@code strace}: which files it touched (tests skip where it cannot run).
 */
public final class Strace {
  private Strace() {}

  /** Whether strace is installed and may trace here. */
  public static boolean runs() {
    try {
      Process p = new ProcessBuilder("strace", "-o", "/dev/null", "true").start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * The run and its trace's lines (file system calls of every thread) of the CLI with {@code args}.
   */
  public record Traced(CliProcess run, List<String> lines) {}

  public static Traced cli(Path dir, String... args) throws Exception {
    Path trace = Files.createTempFile(dir, "trace", ".txt");
    CliProcess run =
        CliProcess.run(
            dir,
            List.of("strace", "-f", "-qq", "-e", "trace=%file", "-o", trace.toString()),
            List.of("-Xmx256m"),
            args);
    return new Traced(run, Files.readAllLines(trace));
  }
}
