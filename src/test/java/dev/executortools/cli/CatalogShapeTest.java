package dev.executortools.cli;

import static dev.executortools.cli.CatalogEntries.entry;
import static dev.executortools.cli.CatalogEntries.field;
import static dev.executortools.cli.CatalogEntries.ids;
import static dev.executortools.cli.CatalogEntries.keys;
import static dev.executortools.cli.CatalogEntries.names;
import static dev.executortools.cli.CatalogEntries.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.Tool;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.catalog.CacheEntrySchema;
import dev.executortools.internal.Json;
import dev.executortools.parse.SpecDocument;
import dev.executortools.parse.SpecReader;
import dev.executortools.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Each rule of integrations.sh's own tool lists (the corpus README of its lists, "The real lists'
 * shape"), checked on what {@code catalog extract} writes for the project's corpus (the README's
 * command, as written) and, where the corpus has no case, for small specs made here ({@link
 * CatalogSmallSpecsTest}).
 */
class CatalogShapeTest {
  /** Each corpus file's slug: its APIs.guru entry ({@code info.x-providerName}, x-serviceName). */
  static final Map<String, String> SLUGS = new LinkedHashMap<>();

  static {
    SLUGS.put(
        "adyen.com__BalancePlatformService__1.openapi31.yaml",
        "adyen-com-balanceplatformservice-balanceplatformservice");
    SLUGS.put(
        "adyen.com__CheckoutService__68.openapi31.yaml",
        "adyen-com-checkoutservice-checkoutservice");
    SLUGS.put("amazonaws.com__sqs__2012-11-05.openapi.yaml", "amazonaws-com-sqs-sqs");
    SLUGS.put("bitbucket.org__2.0.openapi.yaml", "bitbucket-org");
    SLUGS.put("github.com__api.github.com__1.1.4.openapi.yaml", "github-com");
    SLUGS.put("gitlab.com__v3.swagger.yaml", "gitlab-com");
    SLUGS.put("httpbin.org__0.9.2.openapi.yaml", "httpbin-org");
    SLUGS.put("kubernetes.io__v1.10.0.swagger.yaml", "kubernetes-io");
    SLUGS.put("stripe.com__2020-08-27.openapi.yaml", "stripe-com");
    SLUGS.put("telegram.org__5.0.0.openapi.yaml", "telegram-org");
  }

  static final String PREVIEW = "Preview an OpenAPI document before adding it as a source";
  static final String ADD = "Add an OpenAPI source and register its operations as tools";

  private static Path out;
  private static CliRunner.Run run;
  private static Path summaryFile;

  @BeforeAll
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  static void extractTheCorpusWithTheReadmeCommand() throws Exception {
    String[] args = readmeCommand();
    out = Path.of(args[Arrays.asList(args).indexOf("--out") + 1]);
    summaryFile = Path.of(args[Arrays.asList(args).indexOf("--summary") + 1]);
    CatalogEntries.deleteTree(out);
    run = CliRunner.runRaw("", args);
  }

  @Test
  void everySpecOfTheCorpusIsOkUnderTheSlugOfItsApisGuruEntry() throws Exception {
    assertThat(run.exit()).as(run.all()).isZero();
    assertThat(names(out))
        .containsExactlyInAnyOrderElementsOf(
            SLUGS.values().stream().map(s -> s + ".json").toList());
    for (String slug : SLUGS.values()) {
      JsonNode entry = entry(out, slug);
      assertThat(CacheEntrySchema.violations(entry)).as(slug).isEmpty();
      assertThat(entry.get("status").stringValue()).as(slug).isEqualTo("ok");
      String namespace = "openapi_" + slug.replace('-', '_');
      assertThat(ids(entry).subList(0, entry.get("count").asInt() - 2))
          .as(slug)
          .allMatch(id -> id.startsWith(namespace + "."));
    }
    JsonNode summary = run.json();
    assertThat(summary.at("/data/counts/ok").asInt()).isEqualTo(SLUGS.size());
    assertThat(summary.at("/data/counts/error").asInt()).isZero();
    assertThat(summary.at("/data/slowest")).hasSize(10);
    assertThat(Json.parse(Files.readString(summaryFile))).isEqualTo(summary);
    assertThat(run.err()).contains("catalog: 10/10 · ok 10 · error 0");
  }

  @Test
  void topLevelKeysAreFetchedAtStatusCountToolsWithAMillisecondTimestampAndNoFinalNewline()
      throws Exception {
    for (String slug : SLUGS.values()) {
      String text = text(out, slug);
      JsonNode entry = Json.parse(text);
      assertThat(keys(entry)).as(slug).containsExactly("fetchedAt", "status", "count", "tools");
      assertThat(entry.get("fetchedAt").stringValue())
          .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
      assertThat(entry.get("count").asInt()).isEqualTo(entry.get("tools").size());
      assertThat(text).startsWith("{\n  \"fetchedAt\": \"").endsWith("\n    }\n  ]\n}");
    }
  }

  @Test
  void toolsHaveExactlyIdNameAndDescription() throws Exception {
    for (String slug : SLUGS.values()) {
      for (JsonNode tool : entry(out, slug).get("tools")) {
        assertThat(keys(tool)).as(slug).containsExactly("id", "name", "description");
      }
    }
  }

  @Test
  void theLastTwoToolsArePreviewSpecThenAddSourceNamedByTheirIdWithExecutorsDescriptions()
      throws Exception {
    for (String slug : SLUGS.values()) {
      JsonNode tools = entry(out, slug).get("tools");
      JsonNode preview = tools.get(tools.size() - 2);
      JsonNode add = tools.get(tools.size() - 1);
      assertThat(preview)
          .isEqualTo(
              Json.object()
                  .put("id", "openapi.previewSpec")
                  .put("name", "openapi.previewSpec")
                  .put("description", PREVIEW));
      assertThat(add)
          .isEqualTo(
              Json.object()
                  .put("id", "openapi.addSource")
                  .put("name", "openapi.addSource")
                  .put("description", ADD));
      assertThat(ids(entry(out, slug)).subList(0, tools.size() - 2))
          .noneMatch(id -> id.startsWith("openapi."));
    }
  }

  /**
   * Operation tools come first, named and ordered as {@code openapi.addSource} names and orders
   * them (executor's {@code localeCompare} order of {@code group.leaf}), with the operation's
   * {@code description ?? summary ?? "METHOD /path"}: an empty description stays empty and a long
   * one is not cut, while a model still reads the filled-in and cut one.
   */
  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void operationToolsAreAddSourcesInItsOrderWithTheOperationsOwnDescriptionUncut()
      throws Exception {
    int empty = 0;
    int long_ = 0;
    for (var corpusFile : SLUGS.entrySet()) {
      String slug = corpusFile.getValue();
      String namespace = "openapi_" + slug.replace('-', '_');
      JsonNode entry = entry(out, slug);
      int operations = entry.get("count").asInt() - 2;
      List<String> names = field(entry, "name").subList(0, operations);
      List<String> descriptions = field(entry, "description").subList(0, operations);
      String specText = Corpus.read(corpusFile.getKey());
      List<Tool> added = addedTools(specText, namespace);
      assertThat(names).as(slug).containsExactlyElementsOf(added.stream().map(Tool::name).toList());
      assertThat(ids(entry).subList(0, operations))
          .containsExactlyElementsOf(added.stream().map(Tool::id).toList());
      SpecDocument doc = SpecReader.read(specText);
      for (int i = 0; i < operations; i++) {
        Tool tool = added.get(i);
        String expected = executorDescription(doc, tool);
        assertThat(descriptions.get(i)).as("%s %s", slug, tool.id()).isEqualTo(expected);
        if (expected.isEmpty()) {
          empty++;
          assertThat(tool.description()).as("what a model reads").isNotEmpty();
        }
        if (expected.length() > 4_000) {
          long_++;
          assertThat(tool.description()).as("what a model reads").hasSize(4_000);
        }
      }
    }
    assertThat(empty).as("empty descriptions in the corpus").isEqualTo(115 + 2 + 5);
    assertThat(long_).as("descriptions over 4,000 characters in the corpus").isEqualTo(13);
  }

  /** The tools {@code openapi.addSource} gives the spec under {@code namespace}, in its order. */
  static List<Tool> addedTools(String specText, String namespace) {
    try (ToolRegistry registry = ToolRegistry.builder().build()) {
      ToolResult result =
          registry.addSource(Json.object().put("spec", specText).put("namespace", namespace));
      assertThat(result.ok()).as(result.toString()).isTrue();
      List<Tool> tools = new ArrayList<>();
      for (Tool tool : registry.tools()) if (tool.source().equals(namespace)) tools.add(tool);
      return tools;
    }
  }

  /** executor's {@code description ?? summary ?? "METHOD /path"} of the tool's operation. */
  private static String executorDescription(SpecDocument doc, Tool tool) {
    String method = tool.annotations().method();
    String path = tool.annotations().pathTemplate();
    JsonNode operation = doc.deref(doc.root().get("paths").get(path)).get(method);
    if (operation.get("description") != null) return operation.get("description").stringValue();
    if (operation.get("summary") != null) return operation.get("summary").stringValue();
    return method.toUpperCase(Locale.ROOT) + " " + path;
  }

  /** The {@code catalog extract} line of the README, as written, without {@code java -jar $jar}. */
  private static String[] readmeCommand() throws Exception {
    String line =
        Files.readAllLines(Path.of("README.md")).stream()
            .filter(l -> l.startsWith("java -jar $jar catalog extract"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("README has no catalog extract command"));
    String command = line.replaceFirst("\\s+#.*$", "").substring("java -jar $jar ".length());
    return command.trim().split("\\s+");
  }
}
