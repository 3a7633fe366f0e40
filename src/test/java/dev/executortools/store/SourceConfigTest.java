package dev.executortools.store;

import static dev.executortools.store.StoreFixtures.LITERAL_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.executortools.internal.Json;
import dev.executortools.internal.Namespaces;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceConfigTest {

  @Test
  void theStoredFormReadsBackToAnEqualConfig() {
    SourceConfig config = StoreFixtures.config("pets");

    SourceConfig back = SourceConfig.fromJson(Json.parse(Json.write(config.toJson())));

    assertThat(back).isEqualTo(config);
    assertThat(back.headers().keySet()).containsExactly("X-Api-Key", "Authorization");
  }

  @Test
  void trustedOriginsAreStoredAndListed() {
    SourceConfig plain = StoreFixtures.config("pets");
    SourceConfig config =
        new SourceConfig(
            plain.namespace(),
            plain.name(),
            plain.specUrl(),
            plain.specText(),
            plain.baseUrl(),
            plain.headers(),
            plain.queryParams(),
            plain.specFetchHeaders(),
            plain.specFetchQueryParams(),
            List.of("https://uploads.example.com"));

    SourceConfig back = SourceConfig.fromJson(Json.parse(Json.write(config.toJson())));

    assertThat(back).isEqualTo(config);
    assertThat(back.trustedOrigins()).containsExactly("https://uploads.example.com");
    assertThat(config.toRedactedJson().path("trustedOrigins").toString())
        .isEqualTo("[\"https://uploads.example.com\"]");
    assertThat(SourceConfig.fromJson(Json.parse(Json.write(plain.toJson()))).trustedOrigins())
        .isEmpty();
  }

  @Test
  void listingsAndToStringHideLiteralValuesUrlUserInfoAndSpecText() {
    SourceConfig config = StoreFixtures.config("pets");
    StoredSource source =
        StoredSource.added(config, StoreFixtures.tools("pets", 2), StoreFixtures.ADDED);
    LoadReport report = new LoadReport(List.of(source), List.of());

    String redacted = Json.write(config.toRedactedJson());
    for (String shown :
        List.of(redacted, config.toString(), source.toString(), report.toString())) {
      assertThat(shown)
          .doesNotContain(LITERAL_TOKEN)
          .doesNotContain("user:pw")
          .doesNotContain("openapi\\\":\\\"3.1.0");
    }
    assertThat(redacted)
        .contains("\"X-Api-Key\":\"<redacted>\"")
        .contains("\"Authorization\":{\"secretId\":\"gh_token\",\"prefix\":\"Bearer \"}")
        .contains("\"specUrl\":\"https://<redacted>@example.com/pets/openapi.json\"")
        .contains("\"specTextChars\":" + config.specText().length());
    assertThat(Json.write(config.toJson())).contains(LITERAL_TOKEN).contains("user:pw");
  }

  @Test
  void aStoredSourceListsItsRedactedConfigToolCountAndTimes() {
    StoredSource source = StoreFixtures.source("pets", 3);

    String listed = Json.write(source.toRedactedJson());

    assertThat(listed)
        .startsWith("{\"sourceId\":\"pets\",\"name\":\"Pets of pets\"")
        .contains(
            "\"toolCount\":3",
            "\"addedAt\":\"2025-01-02T03:04:05.123456Z\"",
            "\"X-Api-Key\":\"<redacted>\"")
        .doesNotContain(LITERAL_TOKEN);
  }

  @Test
  void aStoredSourceDescribesItselfInOneShortLine() {
    StoredSource source = StoreFixtures.source("pets", 40);

    assertThat(source.toString())
        .isEqualTo(
            "StoredSource[namespace=pets, tools=40, addedAt=2025-01-02T03:04:05.123456Z,"
                + " refreshedAt=2025-01-02T03:04:05.123456Z]");
  }

  @Test
  void namespacesMustBeLowerCaseLettersDigitsAndUnderscores() {
    assertThat(Namespaces.isWellFormed("git_hub2")).isTrue();
    for (String bad : List.of("", "GitHub", "a-b", "a.b", "../x", "a".repeat(129))) {
      assertThat(Namespaces.isWellFormed(bad)).as(bad).isFalse();
    }
    assertThatThrownBy(() -> SourceConfig.of("Git.Hub", "https://x", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[a-z0-9_]+");
  }

  @Test
  void aSourceNeedsASpecUrlOrSpecText() {
    assertThatThrownBy(() -> SourceConfig.of("pets", null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("source \"pets\" needs a spec URL or spec text");
    assertThat(SourceConfig.of("pets", null, "{}").headers()).isEmpty();
  }

  @Test
  void aStoredConfigWithAMalformedCredentialNamesTheField() {
    assertThatThrownBy(
            () ->
                SourceConfig.fromJson(
                    Json.parse("{\"namespace\":\"p\",\"specUrl\":\"u\",\"headers\":{\"X\":7}}")))
        .hasMessageStartingWith("headers: \"X\": a credential value must be");
    assertThatThrownBy(() -> SourceConfig.fromJson(Json.parse("{\"specUrl\":\"u\"}")))
        .hasMessage("config has no namespace");
  }
}
