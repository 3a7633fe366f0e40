package dev.executortools.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.extract.ServerSpec;
import dev.executortools.extract.ServerVariable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrustedOriginsTest {
  private static ServerSpec server(String url) {
    return new ServerSpec(url, null, Map.of());
  }

  @Test
  void theBaseUrlAndTheSpecServersAreTrustedWithDefaultPortsFolded() {
    TrustedOrigins origins =
        TrustedOrigins.of(
            "http://127.0.0.1:8080/api", List.of(server("https://API.example.com:443/v1")));
    assertThat(origins.allows("http://127.0.0.1:8080/other?x=1")).isTrue();
    assertThat(origins.allows("https://api.example.com/v2/pets")).isTrue();
    assertThat(origins.allows("http://api.example.com/v1")).as("other scheme").isFalse();
    assertThat(origins.allows("http://127.0.0.1:8081/api")).as("other port").isFalse();
    assertThat(origins.allows("https://evil.example/v1")).isFalse();
  }

  @Test
  void aHostOrPortVariableWithoutEnumOrDefaultNeverWidensTheOrigins() {
    TrustedOrigins origins =
        TrustedOrigins.of(
            null,
            List.of(
                server("https://{tenant}.example.com/api"), server("http://{host}:{port}/api")));
    assertThat(origins.allows("https://acme.example.com/api/x")).isFalse();
    assertThat(origins.allows("http://127.0.0.2:8080/api")).isFalse();
    assertThat(origins.describe()).isEqualTo("none");
  }

  @Test
  void aHostVariableCountsWithItsEnumValuesElseItsDefault() {
    ServerSpec enumerated =
        new ServerSpec(
            "https://{region}.example.com:{port}/v1",
            null,
            Map.of(
                "region", new ServerVariable("eu", List.of("eu", "us"), null),
                "port", new ServerVariable("443", List.of(), null)));
    ServerSpec defaulted =
        new ServerSpec(
            "http://{host}:8080",
            null,
            Map.of("host", new ServerVariable("localhost", List.of(), null)));
    TrustedOrigins origins = TrustedOrigins.of(null, List.of(enumerated, defaulted));
    assertThat(origins.allows("https://eu.example.com/v1/pets")).isTrue();
    assertThat(origins.allows("https://us.example.com/other")).isTrue();
    assertThat(origins.allows("https://evil.example.com/v1")).isFalse();
    assertThat(origins.allows("http://localhost:8080/x")).isTrue();
    assertThat(origins.allows("http://127.0.0.2:8080/x")).isFalse();
    assertThat(origins.allows("https://evil.com#.example.com/api")).isFalse();
    assertThat(origins.allows("https://user@evil.com/")).isFalse();
  }

  @Test
  void listedOriginsAreAddedAndMustBeOrigins() {
    TrustedOrigins origins =
        TrustedOrigins.of(
            "https://api.example.com",
            List.of(),
            TrustedOrigins.listed(
                List.of("https://uploads.example.com/", "http://127.0.0.2:9000")));
    assertThat(origins.allows("https://uploads.example.com/x")).isTrue();
    assertThat(origins.allows("http://127.0.0.2:9000/")).isTrue();
    assertThat(origins.allows("http://127.0.0.2:9001/")).isFalse();
    for (String notAnOrigin :
        List.of(
            "ftp://x",
            "http://*",
            "https://*.example.com",
            "http://*:8080",
            "https://uploads.example.com/path",
            "https://uploads.example.com?x=1",
            "https://user@example.com",
            "https://example.com#f",
            "https://",
            "example.com",
            "https://exa mple.com")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> TrustedOrigins.listed(List.of(notAnOrigin)))
          .as(notAnOrigin)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(
            TrustedOrigins.listed(List.of("HTTPS://Uploads.Example.com:443", "http://[::1]:8080")))
        .containsExactly("https://uploads.example.com", "http://[::1]:8080");
  }

  @Test
  void relativeServersAddNothing() {
    assertThat(TrustedOrigins.of(null, List.of(server("/v1"))).allows("https://any.example/v1"))
        .isFalse();
  }
}
