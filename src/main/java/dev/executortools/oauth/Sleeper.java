package dev.executortools.oauth;

import java.time.Duration;

/** Waits between device-flow polls; tests pass one that records the waits instead. */
@FunctionalInterface
public interface Sleeper {
  Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
