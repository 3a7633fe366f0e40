package dev.executortools.wire;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Two upstreams on loopback for a test class ({@code @RegisterExtension static}): {@code trusted}
 * on 127.0.0.1 (a source's own host) and {@code foreign} on 127.0.0.2 (another origin, the
 * attacker's), both cleared before each test.
 */
final class TwoOrigins implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
  Upstream trusted;
  Upstream foreign;

  @Override
  public void beforeAll(ExtensionContext context) {
    trusted = Upstream.start();
    foreign = Upstream.startOn("127.0.0.2");
  }

  @Override
  public void afterAll(ExtensionContext context) {
    trusted.close();
    foreign.close();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    trusted.reset();
    foreign.reset();
  }
}
