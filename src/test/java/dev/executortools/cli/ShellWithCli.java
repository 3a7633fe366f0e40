package dev.executortools.cli;

import dev.executortools.net.NetworkSettings;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Runs shell text in a real bash, in which {@code java -jar <...>/executor-tools.jar ARGS} is a
 * function that hands ARGS and its stdin to this JVM, where {@link Main#run} executes them (with
 * {@code --home} set to the given home) and gives back stdout, stderr and the exit code. Quoting,
 * pipes, redirects, {@code $(...)} and other programs ({@code jq}, {@code printf}) are bash's own.
 * The hand-over uses files and named pipes in a private directory.
 */
final class ShellWithCli implements AutoCloseable {
  /** One command line as the CLI received it. */
  record Call(List<String> args, int exit, String out, String err, long millis) {
    @Override
    public String toString() {
      String shown = out.length() > 400 ? out.substring(0, 400) + "…" : out;
      return "java -jar executor-tools.jar "
          + String.join(" ", args)
          + " → exit "
          + exit
          + " in "
          + millis
          + " ms\n"
          + shown
          + err;
    }
  }

  /**
   * The bash side: the variables earlier scripts set (as in one terminal session: {@code jar=...}
   * in one block serves the next), {@code java} as a function, every failed command reported, and
   * on exit the variables this script added saved for the next.
   */
  private static final String PRELUDE =
      """
      if [ -f "$CLI_BRIDGE/variables" ]; then source "$CLI_BRIDGE/variables"; fi
      __known=" $(compgen -v | tr '\n' ' ') "
      __save() {
        local v
        for v in $(compgen -v); do
          case "$__known" in *" $v "*) ;; *) declare -p "$v" ;; esac
        done >> "$CLI_BRIDGE/variables"
      }
      trap __save EXIT
      set -e -o pipefail
      trap 'echo "failed (exit $?): $BASH_COMMAND" >&2' ERR
      java() {
        case "$1 $2" in
          "-jar "*executor-tools.jar) shift 2 ;;
          *) echo "only 'java -jar executor-tools.jar ...' runs in the README test, not: java $*" >&2; return 127 ;;
        esac
        local req
        req=$(mktemp -d "$CLI_BRIDGE/call.XXXXXX")
        printf '%s\\0' "$@" > "$req/args"
        cat > "$req/in"
        mkfifo "$req/done"
        echo "$req" > "$CLI_BRIDGE/requests"
        local code
        read -r code < "$req/done"
        cat "$req/out"
        cat "$req/err" >&2
        return "$code"
      }
      """;

  private final Path workDir;
  private final Path home;
  private final Path bridge;
  private final Path requests;
  private final Thread server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();

  /**
   * @param workDir bash's working directory
   * @param home the CLI's home directory
   */
  ShellWithCli(Path workDir, Path home) throws IOException, InterruptedException {
    this.workDir = workDir;
    this.home = home;
    this.bridge = Files.createDirectories(workDir.resolve(".cli-bridge"));
    Files.createDirectories(workDir.resolve(".tmp"));
    this.requests = bridge.resolve("requests");
    Process mkfifo = new ProcessBuilder("mkfifo", requests.toString()).inheritIO().start();
    if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0)
      throw new IOException("mkfifo failed");
    server = new Thread(this::serve, "README CLI bridge");
    server.setDaemon(true);
    server.start();
  }

  /** Calls made so far, in order. */
  List<Call> calls() {
    return List.copyOf(calls);
  }

  /**
   * Runs {@code script} in bash; answers its exit code, with its stdout and stderr in {@code log}.
   */
  int run(String script, Map<String, String> env, Path log, long timeoutSeconds)
      throws IOException, InterruptedException {
    Path file = Files.writeString(Files.createTempFile(bridge, "block", ".sh"), PRELUDE + script);
    ProcessBuilder bash =
        new ProcessBuilder("bash", file.toString())
            .directory(workDir.toFile())
            .redirectInput(new File("/dev/null"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    bash.environment().putAll(env);
    bash.environment().put("CLI_BRIDGE", bridge.toString());
    bash.environment().put("TMPDIR", workDir.resolve(".tmp").toString());
    Process process = bash.start();
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        throw new AssertionError(
            "bash still running after " + timeoutSeconds + " s: " + Files.readString(log));
      }
      return process.exitValue();
    } finally {
      process.destroyForcibly();
    }
  }

  private void serve() {
    try {
      while (true) {
        try (BufferedReader in = Files.newBufferedReader(requests)) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.equals("stop")) return;
            answer(Path.of(line));
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("README CLI bridge failed", e);
    }
  }

  private void answer(Path request) throws IOException {
    String raw = Files.readString(request.resolve("args"));
    List<String> args =
        raw.isEmpty()
            ? List.of()
            : Arrays.asList(raw.substring(0, raw.length() - 1).split("\0", -1));
    String stdin = Files.readString(request.resolve("in"));
    List<String> withHome = new ArrayList<>(List.of("--home", home.toString()));
    withHome.addAll(args);
    long started = System.nanoTime();
    // the README's public URLs are served by loopback stand-ins, which the network policy refuses
    // by default
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put(NetworkSettings.ENV, "true");
    CliRunner.Run run = CliRunner.runRaw(environment, stdin, withHome.toArray(String[]::new));
    calls.add(
        new Call(
            args, run.exit(), run.out(), run.err(), (System.nanoTime() - started) / 1_000_000));
    Files.writeString(request.resolve("out"), run.out());
    Files.writeString(request.resolve("err"), run.err());
    try (Writer done = Files.newBufferedWriter(request.resolve("done"), StandardCharsets.UTF_8)) {
      done.write(run.exit() + "\n");
    }
  }

  @Override
  public void close() throws Exception {
    if (!server.isAlive()) return;
    try (Writer stop = Files.newBufferedWriter(requests, StandardCharsets.UTF_8)) {
      stop.write("stop\n");
    }
    server.join(10_000);
  }
}
