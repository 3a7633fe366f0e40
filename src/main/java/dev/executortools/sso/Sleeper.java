package dev.executortools.sso;

import java.time.Duration;

/** Waits between polls; tests pass one that records the waits and advances a clock instead. */
@FunctionalInterface
public interface Sleeper {
  Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
