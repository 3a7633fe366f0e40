package dev.executortools.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.Optional;

/**
 * The terminal of the person running a command, where approval prompts are asked. There is one
 * whenever stdin and stdout are a terminal ({@link System#console()}) or the process has a
 * controlling terminal ({@code /dev/tty}), so {@code call ... | jq} still asks; in CI or under an
 * agent there is none.
 */
interface Terminal extends AutoCloseable {

  /** Shows {@code prompt} and reads one line; null when the input ended. */
  String ask(String prompt);

  @Override
  default void close() {}

  /** Opens the terminal, if there is one. */
  interface Source {
    Optional<Terminal> open();
  }

  /** No terminal: approvals are answered {@code approval_required}. */
  Source NONE = Optional::empty;

  /** The process's own: its console, else {@code /dev/tty}. */
  Source SYSTEM =
      () -> {
        Console console = System.console();
        if (console != null) return Optional.of(prompt -> console.readLine("%s", prompt));
        return DevTty.open();
      };

  /** The controlling terminal as a file; opening it fails when the process has none. */
  final class DevTty implements Terminal {
    private static final String PATH = "/dev/tty";
    private final BufferedReader in;
    private final Writer out;

    private DevTty(BufferedReader in, Writer out) {
      this.in = in;
      this.out = out;
    }

    static Optional<Terminal> open() {
      FileInputStream input = null;
      try {
        input = new FileInputStream(PATH);
        FileOutputStream output = new FileOutputStream(PATH);
        Charset charset = Charset.defaultCharset();
        return Optional.of(
            new DevTty(
                new BufferedReader(new InputStreamReader(input, charset)),
                new OutputStreamWriter(output, charset)));
      } catch (IOException | SecurityException e) {
        closeQuietly(input);
        return Optional.empty();
      }
    }

    @Override
    public String ask(String prompt) {
      try {
        out.write(prompt);
        out.flush();
        return in.readLine();
      } catch (IOException e) {
        return null;
      }
    }

    @Override
    public void close() {
      closeQuietly(in);
      closeQuietly(out);
    }

    private static void closeQuietly(AutoCloseable c) {
      if (c == null) return;
      try {
        c.close();
      } catch (Exception ignored) {
        // nothing left to do with a terminal that will not close
      }
    }
  }
}
