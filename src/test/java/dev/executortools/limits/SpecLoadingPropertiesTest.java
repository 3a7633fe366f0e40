package dev.executortools.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.ApprovalHandler;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Spec loading under arbitrary text: whatever the document, preview and add answer a value with one
 * of the documented codes, never an internal error or an exception. Tries are bounded so the suite
 * stays quick; examples found by earlier runs are kept below as {@code @Example}s.
 */
class SpecLoadingPropertiesTest {
  private static final Set<String> EXPECTED_CODES =
      Set.of(
          "ok",
          "openapi_parse_failed",
          "unsafe_reference",
          "openapi_fetch_failed",
          "invalid_arguments"); // an empty spec argument does not match the input schema
  private static ToolRegistry registry;

  @BeforeContainer
  static void open() {
    registry = ToolRegistry.builder().approvals(ApprovalHandler.APPROVE_ALL).build();
  }

  @AfterContainer
  static void close() {
    registry.close();
  }

  private static String outcome(String tool, String spec) {
    var args = Json.object().put("spec", spec);
    if (tool.equals("openapi.addSource")) args.put("namespace", "prop").put("replace", true);
    ToolResult result = registry.call(tool, args);
    return result.ok() ? "ok" : result.error().code().wireName();
  }

  /** Fragments of OpenAPI YAML and JSON, joined at random: mostly near-valid documents. */
  @Provide
  Arbitrary<String> documents() {
    Arbitrary<String> fragment =
        Arbitraries.of(
            "openapi: 3.0.0\n",
            "openapi: 3.1.0\n",
            "swagger: '2.0'\n",
            "info: {title: P, version: '1'}\n",
            "paths: {}\n",
            "paths:\n  /a/{id}:\n    get:\n      parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n      responses: {'200': {description: ok}}\n",
            "x-a: &a {type: string}\n",
            "x-b: *a\n",
            "x-c: &c hello\n",
            "x-d: *c\n",
            "x-n: 1e99999\n",
            "components: {schemas: {A: {allOf: [{$ref: '#/components/schemas/A'}]}}}\n",
            "components: {schemas: {B: {properties: {default: {$ref: 'http://x/y'}}}}}\n",
            "---\n",
            "...\n",
            "{",
            "}",
            "[",
            "]",
            ": ",
            "- ",
            "\t",
            "\"",
            "'",
            "&",
            "*",
            "!!binary AA==\n",
            "{\"openapi\":\"3.0.0\",\"info\":{\"title\":\"J\",\"version\":\"1\"},\"paths\":{}}",
            "\u0000",
            "\ufeff");
    Arbitrary<String> noise = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12);
    return Arbitraries.oneOf(fragment, fragment, fragment, noise)
        .list()
        .ofMaxSize(12)
        .map(parts -> String.join("", parts));
  }

  @Property(tries = 300, maxDiscardRatio = 1)
  void previewAnswersADocumentedCodeForAnyDocument(@ForAll("documents") String spec) {
    assertThat(outcome("openapi.previewSpec", spec)).isIn(EXPECTED_CODES);
  }

  @Property(tries = 150)
  void addSourceAnswersADocumentedCodeForAnyDocument(@ForAll("documents") String spec) {
    assertThat(outcome("openapi.addSource", spec)).isIn(EXPECTED_CODES);
  }

  @Property(tries = 200)
  void arbitraryPrintableTextIsNeverAnInternalError(@ForAll String spec) {
    assertThat(outcome("openapi.previewSpec", spec)).isIn(EXPECTED_CODES);
  }

  @Provide
  Arbitrary<String> nestings() {
    return Combinators.combine(
            Arbitraries.of("[", "{\"a\":", "- "), Arbitraries.integers().between(1, 1_200))
        .as(
            (open, depth) ->
                "openapi: 3.0.0\ninfo: {title: N, version: '1'}\npaths: {}\nx-n: "
                    + (open.equals("- ")
                        ? "\n" + nestedBlock(depth)
                        : open.repeat(depth) + "1" + (open.equals("[") ? "]" : "}").repeat(depth)));
  }

  private static String nestedBlock(int depth) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(depth, 200); i++) out.append("  ".repeat(i + 1)).append("-\n");
    return out.append("  ".repeat(Math.min(depth, 200) + 1)).append("x\n").toString();
  }

  @Property(tries = 60)
  void nestingIsReadUpToTheLimitAndRefusedPastIt(@ForAll("nestings") String spec) {
    assertThat(outcome("openapi.previewSpec", spec)).isIn("ok", "openapi_parse_failed");
  }

  // Regression examples: inputs that once failed.

  @Example
  void aScalarAnchorUsedLaterIsResolved() {
    assertThat(
            outcome(
                "openapi.previewSpec",
                "openapi: 3.0.0\ninfo: {title: &t T, version: '1'}\npaths: {}\nx-t: *t\n"))
        .isEqualTo("ok");
  }

  @Example
  void aDocumentFollowedBySecondDocumentIsRefused() {
    assertThat(
            outcome(
                "openapi.previewSpec",
                "openapi: 3.0.0\ninfo: {title: T, version: '1'}\npaths: {}\n---\na: 1\n"))
        .isEqualTo("openapi_parse_failed");
  }

  @Example
  void aHugeExponentIsRefused() {
    assertThat(
            outcome(
                "openapi.addSource",
                "openapi: 3.0.0\ninfo: {title: T, version: '1'}\npaths: {}\nx: 1e99999\n"))
        .isEqualTo("openapi_parse_failed");
  }
}
