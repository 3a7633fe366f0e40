package dev.executortools.catalog;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The progress of a run on stderr: {@code catalog: 1200/2639 · ok 1195 · error 5 · 14.2 specs/s ·
 * ETA 1m41s}. On a terminal the line is redrawn in place; elsewhere (a log) one line is printed
 * every few seconds. Never more often than {@code minIntervalMillis}.
 */
final class ProgressLine {
  private final PrintStream err;
  private final boolean terminal;
  private final long minIntervalMillis;
  private long lastPrinted = -1;
  private int lastDone = -1;

  ProgressLine(PrintStream err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
    this.minIntervalMillis = terminal ? 200 : 5_000;
  }

  synchronized void update(RunSummary summary, boolean last) {
    long now = summary.elapsedMillis();
    int done = summary.done();
    if (last ? done == lastDone : lastPrinted >= 0 && now - lastPrinted < minIntervalMillis) return;
    lastPrinted = now;
    lastDone = done;
    String line = format(done, summary.total(), summary.ok(), summary.errors(), now);
    if (terminal) {
      err.print("\r" + line + (done == summary.total() ? "\n" : ""));
    } else {
      err.println(line);
    }
    err.flush();
  }

  static String format(int done, int total, int ok, int errors, long elapsedMillis) {
    double rate = elapsedMillis <= 0 ? 0 : done * 1000.0 / elapsedMillis;
    String eta = rate <= 0 ? "?" : duration(Math.round((total - done) / rate));
    return String.format(
        Locale.ROOT,
        "catalog: %d/%d · ok %d · error %d · %.1f specs/s · ETA %s",
        done,
        total,
        ok,
        errors,
        rate,
        eta);
  }

  private static String duration(long seconds) {
    return seconds >= 60
        ? (seconds / 60) + "m" + String.format(Locale.ROOT, "%02d", seconds % 60) + "s"
        : seconds + "s";
  }
}
