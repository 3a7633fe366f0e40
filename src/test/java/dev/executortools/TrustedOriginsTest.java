package dev.executortools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.extract.ServerSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrustedOriginsTest {
  private static ServerSpec server(String url) {
    return new ServerSpec(url, null, Map.of());
  }

  @Test
  void theBaseUrlAndTheSpecServersAreTrustedWithDefaultPortsFolded() {
    TrustedOrigins origins = TrustedOrigins.of("http://127.0.0.1:8080/api", List.of(server("https://API.example.com:443/v1")));
    assertThat(origins.allows("http://127.0.0.1:8080/other?x=1")).isTrue();
    assertThat(origins.allows("https://api.example.com/v2/pets")).isTrue();
    assertThat(origins.allows("http://api.example.com/v1")).as("other scheme").isFalse();
    assertThat(origins.allows("http://127.0.0.1:8081/api")).as("other port").isFalse();
    assertThat(origins.allows("https://evil.example/v1")).isFalse();
  }

  @Test
  void aHostVariablePicksASubdomainButNeverAnotherDomain() {
    TrustedOrigins origins = TrustedOrigins.of(null, List.of(server("https://{tenant}.example.com/api")));
    assertThat(origins.allows("https://acme.example.com/api/x")).isTrue();
    assertThat(origins.allows("https://evil.com#.example.com/api")).isFalse();
    assertThat(origins.allows("https://evil.com/.example.com")).isFalse();
    assertThat(origins.allows("https://user@evil.com/")).isFalse();
  }

  @Test
  void relativeServersAddNothing() {
    assertThat(TrustedOrigins.of(null, List.of(server("/v1"))).allows("https://any.example/v1")).isFalse();
  }
}
