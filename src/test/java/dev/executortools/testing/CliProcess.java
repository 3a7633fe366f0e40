package dev.executortools.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command line run as a separate JVM on the test class path ({@code java OPTIONS
 * dev.executortools.cli.Main ARGS}), for what only a process shows: its heap limit, the classes it
 * loads, its exit status. Output goes to files in a directory, so a large one cannot block it.
 */
public record CliProcess(int exit, String out, String err) {
  private static final long TIMEOUT_SECONDS = 150;

  /**
   * Runs it to its end; {@code dir} receives its stdout and stderr.
   *
   * @throws AssertionError when it has not ended in 150 s (it is killed)
   */
  public static CliProcess run(Path dir, List<String> jvmOptions, String... args) throws Exception {
    return run(dir, List.of(), jvmOptions, args);
  }

  /**
   * Runs it to its end under {@code wrapper}, a command that runs the command after it ({@code
   * strace -f -o FILE}); {@code dir} receives its stdout and stderr.
   *
   * @throws AssertionError when it has not ended in 150 s (it is killed)
   */
  public static CliProcess run(
      Path dir, List<String> wrapper, List<String> jvmOptions, String... args) throws Exception {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process process = start(wrapper, jvmOptions, out, err, args);
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          "the command did not end in " + TIMEOUT_SECONDS + " s: " + List.of(args));
    }
    return new CliProcess(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  /**
   * Starts it, its stdout and stderr going to {@code out} and {@code err}, for a test that reads
   * them while it runs (a URL or code to act on); the caller waits for it and ends it.
   */
  public static Process start(List<String> jvmOptions, Path out, Path err, String... args)
      throws IOException {
    return start(List.of(), jvmOptions, out, err, args);
  }

  private static Process start(
      List<String> wrapper, List<String> jvmOptions, Path out, Path err, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(wrapper);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), "dev.executortools.cli.Main"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .start();
  }
}
