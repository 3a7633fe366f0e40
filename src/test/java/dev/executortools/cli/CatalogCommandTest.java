package dev.executortools.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.executortools.cli.CatalogEntries.entry;
import static dev.executortools.cli.CatalogEntries.ids;
import static dev.executortools.cli.CatalogEntries.names;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.executortools.catalog.CacheEntrySchema;
import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code catalog extract} through the command line, with real worker JVMs. */
class CatalogCommandTest {
  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @TempDir Path dir;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void goodSpecsAreOkWhileABrokenOneAndOneThatRunsOverTheTimeBudgetAreErrorsWithReasons()
      throws Exception {
    Path specs = Files.createDirectories(dir.resolve("specs"));
    Files.writeString(
        specs.resolve("httpbin.yaml"), Corpus.read("httpbin.org__0.9.2.openapi.yaml"));
    Files.writeString(
        specs.resolve("tiny-swagger.json"),
        """
        {"swagger": "2.0", "info": {"title": "Tiny", "version": "1"},
         "paths": {"/pets/{id}": {"get": {"operationId": "getPet",
           "parameters": [{"name": "id", "in": "path", "required": true, "type": "string"}],
           "responses": {"200": {"description": "ok"}}}}}}
        """);
    Files.writeString(
        specs.resolve("broken.yaml"), "openapi: 3.0.0\ninfo: {title: [unclosed\npaths: {}\n");
    // once took minutes (executor's word-splitting regex backtracks on a run of capitals)
    Files.writeString(specs.resolve("capitals.json"), capitalsOperationId(200_000));
    Files.writeString(specs.resolve("README.md"), "not a spec: ignored");
    // a document that never finishes arriving keeps its worker busy past any budget
    server.stubFor(
        get("/slow.yaml")
            .willReturn(
                aResponse()
                    .withBody(Corpus.read("httpbin.org__0.9.2.openapi.yaml"))
                    .withChunkedDribbleDelay(1_000, 600_000)));
    String slowUrl = "http://127.0.0.1:" + server.getPort() + "/slow.yaml";
    Path out = dir.resolve("out");
    Path summaryFile = dir.resolve("summary.json");

    CliRunner.Run run =
        CliRunner.runRaw(
            "",
            "catalog",
            "extract",
            "--out",
            out.toString(),
            "--jobs",
            "2",
            "--timeout-per-spec",
            "10",
            "--summary",
            summaryFile.toString(),
            specs.toString(),
            slowUrl);

    assertThat(run.exit()).as(run.all()).isEqualTo(1);
    assertThat(names(out))
        .containsExactlyInAnyOrder(
            "broken.json",
            "capitals.json",
            "httpbin-org.json",
            "127.0.0.1_slow.json",
            "tiny-swagger.json");
    for (String name : names(out)) {
      assertThat(CacheEntrySchema.violations(Json.parse(Files.readString(out.resolve(name)))))
          .as(name)
          .isEmpty();
    }
    assertThat(entry(out, "httpbin-org").get("status").stringValue()).isEqualTo("ok");
    assertThat(entry(out, "tiny-swagger").get("status").stringValue()).isEqualTo("ok");
    assertThat(ids(entry(out, "tiny-swagger"))).startsWith("openapi_tiny_swagger.pets.getPet");
    assertThat(entry(out, "broken").get("status").stringValue()).isEqualTo("error");
    assertThat(entry(out, "broken").get("reason").stringValue()).startsWith("invalid YAML");
    assertThat(entry(out, "capitals").get("status").stringValue()).isEqualTo("ok");
    assertThat(entry(out, "127.0.0.1_slow").get("status").stringValue()).isEqualTo("error");
    assertThat(entry(out, "127.0.0.1_slow").get("reason").stringValue())
        .startsWith("timeout: extraction took longer than the per-spec budget of 10 s");

    JsonNode summary = run.json();
    assertThat(summary.get("ok").asBoolean()).isFalse();
    assertThat(summary.at("/error/code").asString()).isEqualTo("specs_failed");
    assertThat(summary.at("/error/details/counts/total").asInt()).isEqualTo(5);
    assertThat(summary.at("/error/details/counts/ok").asInt()).isEqualTo(3);
    assertThat(summary.at("/error/details/counts/error").asInt()).isEqualTo(2);
    assertThat(summary.at("/error/details/errors").findValuesAsString("slug"))
        .containsExactlyInAnyOrder("broken", "127.0.0.1_slow");
    assertThat(Json.parse(Files.readString(summaryFile))).isEqualTo(summary);
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aSpecBeyondTheMemoryBudgetIsAnErrorAndTheNextSpecInTheSameWorkerIsStillExtracted()
      throws Exception {
    Path specs = Files.createDirectories(dir.resolve("specs"));
    Files.writeString(specs.resolve("a-huge.json"), hugeDocument(48 << 20));
    Files.writeString(
        specs.resolve("b-httpbin.yaml"), Corpus.read("httpbin.org__0.9.2.openapi.yaml"));
    Path out = dir.resolve("out");

    CliRunner.Run run =
        CliRunner.runRaw(
            "",
            "catalog",
            "extract",
            "--out",
            out.toString(),
            "--jobs",
            "1",
            "--heap-per-job",
            "64",
            specs.toString());

    assertThat(run.exit()).as(run.all()).isEqualTo(1);
    assertThat(entry(out, "a-huge").get("status").stringValue()).isEqualTo("error");
    assertThat(entry(out, "a-huge").get("reason").stringValue()).startsWith("out of memory");
    assertThat(entry(out, "httpbin-org").get("status").stringValue()).isEqualTo("ok");
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void urlSpecsAreFetchedAndOneThatNeverFinishesArrivingRunsOutOfTime() throws Exception {
    server.stubFor(
        get("/specs/httpbin/openapi.yaml")
            .willReturn(aResponse().withBody(Corpus.read("httpbin.org__0.9.2.openapi.yaml"))));
    server.stubFor(
        get("/specs/dribble.yaml")
            .willReturn(
                aResponse()
                    .withBody(Corpus.read("httpbin.org__0.9.2.openapi.yaml"))
                    .withChunkedDribbleDelay(1_000, 600_000)));
    String base = "http://127.0.0.1:" + server.getPort();
    Path out = dir.resolve("out");

    CliRunner.Run run =
        CliRunner.runRaw(
            "",
            "catalog",
            "extract",
            "--out",
            out.toString(),
            "--jobs",
            "2",
            "--timeout-per-spec",
            "20",
            base + "/specs/httpbin/openapi.yaml",
            base + "/specs/dribble.yaml");

    assertThat(run.exit()).as(run.all()).isEqualTo(1);
    assertThat(names(out))
        .containsExactlyInAnyOrder("127.0.0.1_specs_httpbin.json", "127.0.0.1_specs_dribble.json");
    JsonNode fetched = entry(out, "127.0.0.1_specs_httpbin");
    assertThat(fetched.get("count").asInt()).as(fetched.toString()).isEqualTo(78 + 2);
    assertThat(entry(out, "127.0.0.1_specs_dribble").get("reason").stringValue())
        .startsWith("timeout:");
  }

  @Test
  void withoutSpecsItIsAUsageError() {
    CliRunner.Run run = CliRunner.runRaw("", "catalog", "extract", "--out", dir.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("SPEC");
  }

  /**
   * A 200 KB document whose one operationId is {@code n} capital letters: executor's word-splitting
   * regex backtracks on it quadratically (minutes); ours splits it in one pass.
   */
  private static String capitalsOperationId(int n) {
    return "{\"openapi\":\"3.0.0\",\"info\":{\"title\":\"slow\",\"version\":\"1\"},\"paths\":{\"/a\":{\"get\":{"
        + "\"operationId\":\""
        + "A".repeat(n)
        + "\",\"responses\":{\"200\":{\"description\":\"ok\"}}}}}}";
  }

  /** A valid document of about {@code bytes} characters (one operation, a long description). */
  private static String hugeDocument(int bytes) {
    return "{\"openapi\":\"3.0.0\",\"info\":{\"title\":\"huge\",\"version\":\"1\",\"description\":\""
        + "x".repeat(bytes)
        + "\"},\"paths\":{\"/a\":{\"get\":{\"responses\":{\"200\":{\"description\":\"ok\"}}}}}}";
  }
}
