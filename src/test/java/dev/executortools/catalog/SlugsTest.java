package dev.executortools.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlugsTest {
  @TempDir Path dir;

  @Test
  void apisGuruRepositoryPathsDropTheirGenericFileName() {
    assertThat(Slugs.of(List.of("github.com", "api.github.com", "1.1.4", "openapi.yaml")))
        .isEqualTo("github.com_api.github.com_1.1.4");
    assertThat(Slugs.of(List.of("gitlab.com", "v3", "swagger.yaml"))).isEqualTo("gitlab.com_v3");
  }

  @Test
  void npmPackagePathsKeepTheirFileNameWithoutExtension() {
    assertThat(Slugs.of(List.of("microsoft.com", "graph-beta.json")))
        .isEqualTo("microsoft.com_graph-beta");
    assertThat(Slugs.of(List.of("1forge.com.json"))).isEqualTo("1forge.com");
  }

  @Test
  void charactersUnsafeInFileNamesBecomeUnderscores() {
    assertThat(Slugs.of(List.of("vtex.local", "Orders-API-(PII-version).json")))
        .isEqualTo("vtex.local_Orders-API-_PII-version_");
    assertThat(Slugs.of(List.of("hubapi.com", "business units.json")))
        .isEqualTo("hubapi.com_business_units");
    assertThat(Slugs.of(List.of("..json"))).doesNotStartWith(".");
  }

  @Test
  void anApisGuruEntryIsSlugifiedAsIntegrationsShDoesWithItsServiceTwice() {
    assertThat(Slugs.ofApisGuru("ably.io", "platform")).isEqualTo("ably-io-platform-platform");
    assertThat(Slugs.ofApisGuru("xkcd.com", null)).isEqualTo("xkcd-com");
    assertThat(Slugs.ofApisGuru("vtex.local", "Orders-API-(PII-version)"))
        .isEqualTo("vtex-local-orders-api-pii-version-orders-api-pii-version");
  }

  @Test
  void slugifyDecomposesAccentsAndHashesATextWithNothingLeft() {
    // NFKD leaves the accent as a combining mark, a character outside [a-z0-9] like any other
    assertThat(Slugs.slugify("Café:Crème")).isEqualTo("cafe-cre-me");
    assertThat(Slugs.slugify("--a--")).isEqualTo("a");
    // normalize.ts: h = (h * 31 + c) | 0 over "日本", then (h >>> 0).toString(36)
    assertThat(Slugs.slugify("日本")).isEqualTo("x-hwbr");
  }

  @Test
  void theNamespaceIsOpenapiUnderscoreAndTheSlugWithOnlyLowerCaseLettersDigitsAndUnderscores() {
    assertThat(Slugs.namespace("github.com_api.github.com_1.1.4"))
        .isEqualTo("openapi_github_com_api_github_com_1_1_4");
    assertThat(Slugs.namespace("adyen.com_BalancePlatformService"))
        .isEqualTo("openapi_adyen_com_balanceplatformservice");
  }

  @Test
  void aFolderIsWalkedForSpecFilesInPathOrderOutsideTheOutputFolderAndEverySlugIsUnique()
      throws Exception {
    Files.createDirectories(dir.resolve("b.com/v1"));
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve("b.com/v1/openapi.yaml"), "x");
    Files.writeString(dir.resolve("b.com/v1.json"), "x");
    Files.writeString(dir.resolve("a.com.YML"), "x");
    Files.writeString(dir.resolve("notes.md"), "x");
    Files.writeString(dir.resolve(".git/config.json"), "x");
    Files.createDirectories(dir.resolve("out"));
    Files.writeString(dir.resolve("out/a.com.json"), "an entry of an earlier run");

    List<SpecInput> inputs =
        SpecInputs.expand(
            List.of(dir.toString(), "https://example.com/specs/openapi.json"),
            dir.resolve("out"),
            Map.of());

    assertThat(inputs)
        .extracting(SpecInput::slug)
        .containsExactly("a.com", "b.com_v1", "b.com_v1_2", "example.com_specs");
    assertThat(inputs.get(0).spec()).isEqualTo(dir.resolve("a.com.YML").toString());
    assertThat(inputs.get(3).url()).isTrue();
  }
}
