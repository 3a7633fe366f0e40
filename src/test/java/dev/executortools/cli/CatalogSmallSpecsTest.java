package dev.executortools.cli;

import static dev.executortools.cli.CatalogEntries.entry;
import static dev.executortools.cli.CatalogEntries.extract;
import static dev.executortools.cli.CatalogEntries.field;
import static dev.executortools.cli.CatalogEntries.keys;
import static dev.executortools.cli.CatalogEntries.names;
import static dev.executortools.cli.CatalogEntries.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.Tool;
import dev.executortools.ToolRegistry;
import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The rules of integrations.sh's lists the corpus has no case for ({@link CatalogShapeTest} checks
 * the others): {@code paths: {}}, no {@code paths}, empty and 5,000-character descriptions, the
 * file's exact bytes, and slugs; specs made here, extracted in one run.
 */
class CatalogSmallSpecsTest {
  private static final String LONG = "A long description. ".repeat(249) + "And it ends here now";

  @TempDir static Path dir;
  private static Path out;
  private static CliRunner.Run run;

  @BeforeAll
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  static void extractTheSmallSpecs() throws Exception {
    Path specs = Files.createDirectories(dir.resolve("specs"));
    Files.writeString(specs.resolve("exact.yaml"), EXACT);
    Files.writeString(specs.resolve("empty-paths.yaml"), spec("empty-paths") + "paths: {}\n");
    Files.writeString(specs.resolve("no-paths.yaml"), spec("no-paths"));
    Files.writeString(specs.resolve("descriptions.yaml"), spec("descriptions") + DESCRIPTIONS);
    Files.writeString(specs.resolve("no-key.yaml"), ONE_OPERATION.formatted(""));
    Files.writeString(
        specs.resolve("xkcd.json"), ONE_OPERATION.formatted(", x-providerName: xkcd.com"));
    Files.createDirectories(specs.resolve("vtex"));
    Files.writeString(
        specs.resolve("vtex/Marketplace-APIs-.json"),
        ONE_OPERATION.formatted(", x-providerName: vtex.local, x-serviceName: Marketplace-APIs-"));
    Files.writeString(
        specs.resolve("vtex/Marketplace-APIs.json"),
        ONE_OPERATION.formatted(", x-providerName: vtex.local, x-serviceName: Marketplace-APIs"));
    out = dir.resolve("out");
    run = extract(out, "--jobs", "2", specs.toString());
  }

  @Test
  void theFileIsJsonStringifyWithTwoSpacesAndNoFinalNewline() throws Exception {
    String text = text(out, "example-com-exact-exact");
    String fetchedAt = entry(out, "example-com-exact-exact").get("fetchedAt").stringValue();
    assertThat(text)
        .isEqualTo(
            """
            {
              "fetchedAt": "%s",
              "status": "ok",
              "count": 5,
              "tools": [
                {
                  "id": "openapi_example_com_exact_exact.pets.createPet",
                  "name": "pets.createPet",
                  "description": "POST /pets"
                },
                {
                  "id": "openapi_example_com_exact_exact.pets.deletePetsId",
                  "name": "pets.deletePetsId",
                  "description": "Remove a pet"
                },
                {
                  "id": "openapi_example_com_exact_exact.pets.getPet",
                  "name": "pets.getPet",
                  "description": "Tab\\there, quote \\" and \\\\ é — \u2028 \\u0001 end"
                },
                {
                  "id": "openapi.previewSpec",
                  "name": "openapi.previewSpec",
                  "description": "%s"
                },
                {
                  "id": "openapi.addSource",
                  "name": "openapi.addSource",
                  "description": "%s"
                }
              ]
            }"""
                .formatted(fetchedAt, CatalogShapeTest.PREVIEW, CatalogShapeTest.ADD));
  }

  @Test
  void anEmptyPathsObjectGivesOkWithTheTwoMetaToolsOnly() throws Exception {
    JsonNode entry = entry(out, "example-com-empty-paths-empty-paths");
    assertThat(entry.get("status").stringValue()).isEqualTo("ok");
    assertThat(entry.get("count").asInt()).isEqualTo(2);
    assertThat(CatalogEntries.ids(entry))
        .containsExactly("openapi.previewSpec", "openapi.addSource");
  }

  @Test
  void noPathsGivesAnErrorWithExecutorsReasonAndNoTools() throws Exception {
    String text = text(out, "example-com-no-paths-no-paths");
    JsonNode entry = Json.parse(text);
    assertThat(keys(entry)).containsExactly("fetchedAt", "status", "reason", "count", "tools");
    assertThat(text)
        .endsWith(
            """
            "status": "error",
              "reason": "OpenAPI document has no paths defined",
              "count": 0,
              "tools": []
            }""");
    assertThat(run.exit()).as("a spec failed").isEqualTo(1);
    assertThat(run.json().at("/error/details/counts/error").asInt()).isEqualTo(1);
  }

  /**
   * What the catalog stores is what it shows people: {@code description ?? summary ?? "METHOD
   * /path"}, an empty text kept, nothing cut; a model reads the filled-in and cut description.
   */
  @Test
  void anEmptyAndA5000CharacterDescriptionAreKeptForPeopleAndFilledInAndCutForAModel()
      throws Exception {
    JsonNode entry = entry(out, "example-com-descriptions-descriptions");
    assertThat(field(entry, "name"))
        .containsExactly(
            "empty.getEmpty",
            "long.getLong",
            "none.getNone",
            "summaryOnly.getSummaryOnly",
            "openapi.previewSpec",
            "openapi.addSource");
    assertThat(field(entry, "description").subList(0, 4))
        .containsExactly("", LONG, "GET /none", "");
    assertThat(LONG).hasSize(5_000);

    List<Tool> forModels =
        CatalogShapeTest.addedTools(
            spec("descriptions") + DESCRIPTIONS, "openapi_example_com_descriptions_descriptions");
    assertThat(forModels.get(0).description()).isEqualTo("Has a summary");
    assertThat(forModels.get(1).description()).hasSize(4_000).endsWith("… [truncated]");
  }

  @Test
  void slugsComeFromTheApisGuruEntryInKeyOrderElseFromThePath() throws Exception {
    assertThat(names(out))
        .containsExactlyInAnyOrder(
            "example-com-exact-exact.json",
            "example-com-empty-paths-empty-paths.json",
            "example-com-no-paths-no-paths.json",
            "example-com-descriptions-descriptions.json",
            "no-key.json",
            "xkcd-com.json",
            // vtex.local:Marketplace-APIs comes before vtex.local:Marketplace-APIs- as a key,
            // after it as a path: the key order decides who gets -2, as in integrations.sh
            "vtex-local-marketplace-apis-marketplace-apis.json",
            "vtex-local-marketplace-apis-marketplace-apis-2.json");
    assertThat(CatalogEntries.ids(entry(out, "vtex-local-marketplace-apis-marketplace-apis-2")))
        .first()
        .isEqualTo("openapi_vtex_local_marketplace_apis_marketplace_apis_2.items.getItems");
    assertThat(CatalogEntries.ids(entry(out, "no-key")))
        .first()
        .asString()
        .startsWith("openapi_no_key.");
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void theSlugMapChoosesSlugsByApisGuruKeyOrByPath(@TempDir Path here) throws Exception {
    Path specs = Files.createDirectories(here.resolve("specs/b"));
    Files.writeString(
        specs.resolve("../a.yaml"),
        ONE_OPERATION.formatted(", x-providerName: example.com, x-serviceName: a"));
    Files.writeString(specs.resolve("openapi.yaml"), ONE_OPERATION.formatted(""));
    Path map =
        Files.writeString(
            here.resolve("slugs.json"),
            "{\"example.com:a\": \"chosen-a\", \"b/openapi.yaml\": \"chosen_b\"}");

    CliRunner.Run mapped =
        extract(
            here.resolve("out"), "--slug-map", map.toString(), here.resolve("specs").toString());

    assertThat(mapped.exit()).as(mapped.all()).isZero();
    assertThat(names(here.resolve("out")))
        .containsExactlyInAnyOrder("chosen-a.json", "chosen_b.json");
    assertThat(CatalogEntries.ids(entry(here.resolve("out"), "chosen-a")))
        .first()
        .asString()
        .startsWith("openapi_chosen_a.");

    Files.writeString(map, "{\"example.com:a\": \"../escape\"}");
    CliRunner.Run refused =
        extract(
            here.resolve("out"), "--slug-map", map.toString(), here.resolve("specs").toString());
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.all()).contains("plain file name");
  }

  /**
   * {@code --input-schemas}: each tool's input schema is the one {@code openapi.addSource} gives.
   */
  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void inputSchemasWhenAskedForAreTheOnesAddSourceGives(@TempDir Path here) throws Exception {
    String httpbin = Corpus.read("httpbin.org__0.9.2.openapi.yaml");
    Path spec = Files.writeString(here.resolve("httpbin.yaml"), httpbin);

    CliRunner.Run withSchemas = extract(here.resolve("out"), "--input-schemas", spec.toString());

    assertThat(withSchemas.exit()).as(withSchemas.all()).isZero();
    JsonNode tools = entry(here.resolve("out"), "httpbin-org").get("tools");
    List<Tool> added = CatalogShapeTest.addedTools(httpbin, "openapi_httpbin_org");
    assertThat(tools.size()).isEqualTo(added.size() + 2);
    for (int i = 0; i < added.size(); i++) {
      assertThat(keys(tools.get(i))).containsExactly("id", "name", "description", "inputSchema");
      assertThat(tools.get(i).get("inputSchema"))
          .as(added.get(i).id())
          .isEqualTo(added.get(i).inputSchema());
    }
    try (ToolRegistry registry = ToolRegistry.builder().build()) {
      for (Tool builtin : registry.tools()) {
        if (builtin.id().equals("openapi.previewSpec"))
          assertThat(tools.get(added.size()).get("inputSchema")).isEqualTo(builtin.inputSchema());
        if (builtin.id().equals("openapi.addSource"))
          assertThat(tools.get(added.size() + 1).get("inputSchema"))
              .isEqualTo(builtin.inputSchema());
      }
    }
  }

  private static String spec(String service) {
    return "openapi: 3.0.0\ninfo: {title: T, version: '1', x-providerName: example.com,"
        + " x-serviceName: "
        + service
        + "}\n";
  }

  private static final String EXACT =
      spec("exact")
          + """
          paths:
            /pets/{id}:
              get:
                operationId: getPet
                description: "Tab\\there, quote \\" and \\\\ é — \\u2028 \\x01 end"
                responses: {'200': {description: ok}}
              delete:
                summary: Remove a pet
                responses: {'204': {description: gone}}
            /pets:
              post:
                operationId: createPet
                responses: {'201': {description: made}}
          """;

  private static final String DESCRIPTIONS =
      """
      paths:
        /empty:
          get: {description: '', summary: Has a summary, responses: {'200': {description: ok}}}
        /long:
          get: {description: '%s', responses: {'200': {description: ok}}}
        /summary-only:
          get: {summary: '', responses: {'200': {description: ok}}}
        /none:
          get: {responses: {'200': {description: ok}}}
      """
          .formatted(LONG);

  private static final String ONE_OPERATION =
      """
      openapi: 3.0.0
      info: {title: One, version: '1'%s}
      paths:
        /items:
          get: {responses: {'200': {description: ok}}}
      """;
}
