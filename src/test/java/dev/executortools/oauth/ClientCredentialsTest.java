package dev.executortools.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Client credentials against a real authorization server (mock-oauth2-server). */
class ClientCredentialsTest {
  private final MockAuthorizationServer server = new MockAuthorizationServer();
  private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
  private final OAuthClient client = new OAuthClient(MockAuthorizationServer.http(), clock);

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aConfidentialClientGetsATokenAuthenticatingWithHttpBasic() throws Exception {
    TokenSet tokens = client.clientCredentials(server.client("s3cret", "read", "write"));

    assertThat(tokens.accessToken()).isNotBlank();
    assertThat(tokens.tokenType()).isEqualToIgnoringCase("Bearer");
    assertThat(tokens.expiresAt()).isAfter(clock.instant());
    assertThat(tokens.scopes()).containsExactly("read", "write");
    RecordedRequest request = server.take();
    assertThat(request.getPath()).isEqualTo("/default/token");
    assertThat(request.getHeader("Authorization"))
        .isEqualTo("Basic " + Base64.getEncoder().encodeToString("my-client:s3cret".getBytes()));
    String form = request.getBody().readUtf8();
    assertThat(form).contains("grant_type=client_credentials").contains("scope=read+write");
    assertThat(form).doesNotContain("s3cret").doesNotContain("client_id");
  }

  @Test
  void aClientWithoutSecretIsToldItNeedsOne() {
    assertThatThrownBy(() -> client.clientCredentials(server.client(null, "read")))
        .isInstanceOfSatisfying(
            OAuthException.class, e -> assertThat(e.kind()).isEqualTo(OAuthException.Kind.PROTOCOL))
        .hasMessageContaining("needs a client secret");
  }
}
