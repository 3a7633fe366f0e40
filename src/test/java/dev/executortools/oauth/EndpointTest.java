package dev.executortools.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which endpoint URLs anything may be sent to. */
class EndpointTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://login.example.com/token",
        "https://10.0.0.1:8443/token",
        "http://127.0.0.1:8080/token",
        "http://127.8.9.10/token",
        "http://localhost:9000/token",
        "http://[::1]:9000/token"
      })
  void httpsAnywhereAndPlainHttpOnLoopback(String url) throws Exception {
    assertThat(Endpoint.of("token endpoint", url).url().toString()).isEqualTo(url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://login.example.com/token",
        "http://10.0.0.1/token",
        "http://127.0.0.1.example.com/token",
        "http://localhost.example.com/token"
      })
  void plainHttpElsewhereIsRefused(String url) {
    assertThatThrownBy(() -> Endpoint.of("token endpoint", url))
        .isInstanceOfSatisfying(
            OAuthException.class, e -> assertThat(e.kind()).isEqualTo(OAuthException.Kind.REFUSED))
        .hasMessageEndingWith("is not https (plain http only on loopback)");
  }

  @Test
  void userInfoAndNonHttpUrlsAreRefused() {
    assertThatThrownBy(() -> Endpoint.of("token endpoint", "https://u:p@login.example.com/token"))
        .hasMessage("the token endpoint at https://login.example.com carries user info; not used");
    assertThatThrownBy(() -> Endpoint.of("token endpoint", "file:///etc/passwd"))
        .hasMessage("the token endpoint is not an absolute http(s) URL");
    assertThatThrownBy(() -> Endpoint.of("token endpoint", null))
        .hasMessage("no token endpoint is configured");
  }

  @Test
  void namesItselfByOriginAndPathWithoutTheQuery() throws Exception {
    assertThat(Endpoint.of("token endpoint", "https://a.example:443/oauth/token?x=secret").where())
        .isEqualTo("token endpoint https://a.example/oauth/token");
  }
}
