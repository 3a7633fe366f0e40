package dev.executortools.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.executortools.catalog.CacheEntrySchema;
import dev.executortools.catalog.Slugs;
import dev.executortools.compile.CompileOptions;
import dev.executortools.compile.ToolCompiler;
import dev.executortools.internal.Json;
import dev.executortools.parse.SpecDocument;
import dev.executortools.parse.SpecReader;
import dev.executortools.testing.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code catalog extract} through the command line, with real worker JVMs. */
class CatalogCommandTest {
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @TempDir Path dir;

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void theReadmeCommandExtractsTheCorpusOneValidFilePerSpecWithEveryOperation() throws Exception {
    String[] args = readmeCommand();
    Path out = Path.of(args[Arrays.asList(args).indexOf("--out") + 1]);
    Path summaryFile = Path.of(args[Arrays.asList(args).indexOf("--summary") + 1]);
    deleteTree(out);

    CliRunner.Run run = CliRunner.runRaw("", args);

    assertThat(run.exit()).as(run.all()).isZero();
    assertThat(names(out)).hasSize(Corpus.FILES.size());
    long operationsInCorpus = 0;
    for (String file : Corpus.FILES) {
      String slug = file.replaceFirst("\\.yaml$", "");
      JsonNode entry = Json.parse(Files.readString(out.resolve(slug + ".json")));
      assertThat(CacheEntrySchema.violations(entry)).as(slug).isEmpty();
      assertThat(entry.get("status").stringValue()).as(slug).isEqualTo("ok");
      int operations = operationCount(Corpus.read(file));
      operationsInCorpus += operations;
      List<String> ids = ids(entry);
      assertThat(ids.subList(0, 2)).containsExactly("openapi.addSource", "openapi.previewSpec");
      assertThat(ids.size() - 2).as(slug).isEqualTo(operations);
      assertThat(entry.get("count").asInt()).isEqualTo(ids.size());
      assertThat(ids.subList(2, ids.size()))
          .allMatch(id -> id.startsWith(Slugs.namespace(slug) + "."));
      for (JsonNode tool : entry.get("tools")) {
        assertThat(
                Json.write(tool.get("inputSchema"))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)
                    .length)
            .as("%s: the schema a model sees", tool.get("id"))
            .isLessThanOrEqualTo(64 * 1024);
      }
    }
    // Swagger 2.0 documents (executor itself cannot read them) are extracted like the others.
    assertThat(entry(out, "kubernetes.io__v1.10.0.swagger").get("count").asInt())
        .isEqualTo(945 + 2);
    assertThat(entry(out, "gitlab.com__v3.swagger").get("count").asInt()).isEqualTo(358 + 2);

    JsonNode summary = run.json();
    assertThat(summary.get("ok").asBoolean()).isTrue();
    assertThat(summary.at("/data/counts/ok").asInt()).isEqualTo(Corpus.FILES.size());
    assertThat(summary.at("/data/counts/operations").asLong()).isEqualTo(operationsInCorpus);
    assertThat(summary.at("/data/slowest")).hasSize(10);
    assertThat(Json.parse(Files.readString(summaryFile))).isEqualTo(summary);
    assertThat(run.err()).contains("catalog: 10/10 · ok 10 · error 0");
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void idsAndSchemasAreTheOnesTheCompilerGivesUnderTheSlugsNamespace() throws Exception {
    String file = "httpbin.org__0.9.2.openapi.yaml";
    Path spec = Files.writeString(dir.resolve("openapi.yaml"), Corpus.read(file));

    CliRunner.Run run =
        CliRunner.runRaw(
            "",
            "catalog",
            "extract",
            "--out",
            dir.resolve("out").toString(),
            "--jobs",
            "1",
            spec.toString());

    assertThat(run.exit()).as(run.all()).isZero();
    String slug = dir.getFileName().toString();
    JsonNode entry = entry(dir.resolve("out"), slug);
    var compiled =
        ToolCompiler.compile(
            SpecReader.read(Corpus.read(file)),
            null,
            CompileOptions.forNamespace(Slugs.namespace(slug)));
    List<String> ids = ids(entry);
    assertThat(ids.subList(2, ids.size())).containsExactlyElementsOf(compiled.toolIds());
    JsonNode first = entry.get("tools").get(2);
    assertThat(first.get("inputSchema")).isEqualTo(compiled.tools().get(0).tool().inputSchema());
    assertThat(first.get("name").stringValue()).isEqualTo(compiled.tools().get(0).tool().name());
  }

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
            "httpbin.json",
            "127.0.0.1_slow.json",
            "tiny-swagger.json");
    for (String name : names(out)) {
      assertThat(CacheEntrySchema.violations(Json.parse(Files.readString(out.resolve(name)))))
          .as(name)
          .isEmpty();
    }
    assertThat(entry(out, "httpbin").get("status").stringValue()).isEqualTo("ok");
    assertThat(entry(out, "tiny-swagger").get("status").stringValue()).isEqualTo("ok");
    assertThat(ids(entry(out, "tiny-swagger"))).endsWith("openapi_tiny_swagger.pets.getPet");
    assertThat(entry(out, "broken").get("status").stringValue()).isEqualTo("error");
    assertThat(entry(out, "broken").get("reason").stringValue())
        .startsWith("openapi_parse_failed: invalid YAML");
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
    assertThat(entry(out, "b-httpbin").get("status").stringValue()).isEqualTo("ok");
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

  /** The {@code catalog extract} line of the README, as written, without {@code java -jar $jar}. */
  private static String[] readmeCommand() throws IOException {
    String line =
        Files.readAllLines(Path.of("README.md")).stream()
            .filter(l -> l.startsWith("java -jar $jar catalog extract"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("README has no catalog extract command"));
    String command = line.replaceFirst("\\s+#.*$", "").substring("java -jar $jar ".length());
    return command.trim().split("\\s+");
  }

  /**
   * Operations of a document: the eight HTTP methods under its paths, counted on the parsed tree.
   */
  private static int operationCount(String text) throws Exception {
    SpecDocument doc = SpecReader.read(text);
    int count = 0;
    for (JsonNode pathItem : doc.root().get("paths")) {
      Iterator<String> keys = pathItem.propertyNames().iterator();
      while (keys.hasNext()) if (METHODS.contains(keys.next())) count++;
    }
    return count;
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

  private static JsonNode entry(Path out, String slug) throws IOException {
    return Json.parse(Files.readString(out.resolve(slug + ".json")));
  }

  private static List<String> ids(JsonNode entry) {
    List<String> ids = new ArrayList<>();
    entry.get("tools").forEach(t -> ids.add(t.get("id").stringValue()));
    return ids;
  }

  private static List<String> names(Path out) throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      return files.map(f -> f.getFileName().toString()).toList();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.sorted((a, b) -> b.compareTo(a)).toList()) Files.delete(f);
    }
  }
}
