package dev.executortools.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which requests the guard lets through: the bearer token, and the browser origins. */
class RequestGuardTest {
  private static final String TOKEN = "0123456789abcdef-token";

  @Test
  void onlyTheExactBearerTokenPasses() {
    RequestGuard guard = new RequestGuard(TOKEN, List.of());
    assertThat(guard.authorized("Bearer " + TOKEN)).isTrue();
    assertThat(guard.authorized("bearer " + TOKEN)).as("the scheme is case-insensitive").isTrue();
    assertThat(guard.authorized(null)).isFalse();
    assertThat(guard.authorized("Bearer ")).isFalse();
    assertThat(guard.authorized("Bearer " + TOKEN.substring(1))).isFalse();
    assertThat(guard.authorized("Bearer " + TOKEN + "0")).isFalse();
    assertThat(guard.authorized("Basic " + TOKEN)).isFalse();
    assertThat(guard.authorized(TOKEN)).isFalse();
    assertThat(new RequestGuard(null, List.of()).authorized(null)).as("no token set").isTrue();
  }

  @Test
  void loopbackAbsentAndAllowedOriginsPassOthersDoNot() {
    RequestGuard guard = new RequestGuard(null, List.of("https://Agents.Example.com/"));
    for (String origin :
        new String[] {
          null,
          "http://localhost:5173",
          "http://127.0.0.1:3000",
          "http://127.1.2.3",
          "http://[::1]:8080",
          "https://localhost",
          "https://agents.example.com"
        }) {
      assertThat(guard.originAllowed(origin)).as(origin).isTrue();
    }
    for (String origin :
        new String[] {
          "http://evil.example",
          "null",
          "http://localhost.evil.example",
          "http://127.0.0.1.nip.io",
          "file://",
          "chrome-extension://abc",
          "https://agents.example.com.evil.example",
          "http://agents.example.com",
          "not a url"
        }) {
      assertThat(guard.originAllowed(origin)).as(origin).isFalse();
    }
  }
}
