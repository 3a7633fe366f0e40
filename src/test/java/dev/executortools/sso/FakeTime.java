package dev.executortools.sso;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when the login sleeps: every wait is recorded, none is real. */
public final class FakeTime extends Clock implements Sleeper {
  private Instant now;
  private final List<Duration> sleeps = new ArrayList<>();

  public FakeTime(Instant start) {
    this.now = start;
  }

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    now = now.plus(duration);
  }

  public synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
