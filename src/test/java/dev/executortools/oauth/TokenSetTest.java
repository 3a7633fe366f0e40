package dev.executortools.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.executortools.internal.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tokens as stored, compared with a clock, and printed without themselves. */
class TokenSetTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private final TokenSet tokens =
      new TokenSet("at-secret", "rt-secret", "Bearer", NOW.plusSeconds(300), List.of("a", "b"));

  @Test
  void roundTripsThroughItsJson() {
    assertThat(Json.write(tokens.toJson()))
        .isEqualTo(
            "{\"accessToken\":\"at-secret\",\"refreshToken\":\"rt-secret\",\"tokenType\":\"Bearer\","
                + "\"expiresAt\":\"2026-12-01T10:05:00Z\",\"scopes\":[\"a\",\"b\"]}");
    assertThat(TokenSet.fromJson(Json.parse(Json.write(tokens.toJson())))).isEqualTo(tokens);
    TokenSet bare = new TokenSet("at", null, "Bearer", null, List.of());
    assertThat(TokenSet.fromJson(bare.toJson())).isEqualTo(bare);
  }

  @Test
  void refusesStoredJsonWithoutAnAccessTokenOrWithABadInstant() {
    assertThatThrownBy(() -> TokenSet.fromJson(Json.parse("{\"tokenType\": \"Bearer\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("accessToken is missing");
    assertThatThrownBy(
            () ->
                TokenSet.fromJson(Json.parse("{\"accessToken\": \"x\", \"expiresAt\": \"soon\"}")))
        .hasMessage("expiresAt is not an ISO-8601 instant");
  }

  @Test
  void expiresWithinAMarginOfTheClock() {
    assertThat(tokens.expiresWithin(Duration.ofSeconds(299), CLOCK)).isFalse();
    assertThat(tokens.expiresWithin(Duration.ofSeconds(300), CLOCK)).isTrue();
    assertThat(tokens.withRefreshToken(null).refreshToken()).isNull();
    assertThat(
            new TokenSet("at", null, "Bearer", null, List.of())
                .expiresWithin(Duration.ofDays(1), CLOCK))
        .as("an unknown expiry")
        .isFalse();
  }

  @Test
  void printsNoTokenNorSecret() {
    assertThat(tokens.toString())
        .doesNotContain("at-secret")
        .doesNotContain("rt-secret")
        .contains("2026-12-01T10:05:00Z");
    OAuthClientConfig config =
        new OAuthClientConfig(
            "id", "client-secret", List.of(), new OAuthEndpoints(null, null, null, null, null));
    assertThat(config.toString()).doesNotContain("client-secret").contains("<redacted>");
  }
}
