package dev.executortools.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.ApprovalHandler;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import dev.executortools.internal.Limits;
import dev.executortools.testing.RandomCases;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spec loading under arbitrary text: whatever the document, preview and add answer a value with one
 * of the documented codes, never an internal error or an exception. Cases are generated from a
 * fixed seed ({@link RandomCases}) and bounded so the suite stays quick; inputs that once failed
 * are kept below as regression examples.
 */
class SpecLoadingPropertiesTest {
  private static final long SEED = 20261207L;
  private static final Set<String> EXPECTED_CODES =
      Set.of(
          "ok",
          "openapi_parse_failed",
          "unsafe_reference",
          "openapi_fetch_failed",
          "invalid_arguments"); // an empty spec argument does not match the input schema
  private static final List<String> FRAGMENTS =
      List.of(
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
  private static final List<String> NESTING_OPENERS = List.of("[", "{\"a\":", "- ");
  private static ToolRegistry registry;

  @BeforeAll
  static void open() {
    registry = ToolRegistry.builder().approvals(ApprovalHandler.APPROVE_ALL).build();
  }

  @AfterAll
  static void close() {
    registry.close();
  }

  private static String outcome(String tool, String spec) {
    var args = Json.object().put("spec", spec);
    if (tool.equals("openapi.addSource")) args.put("namespace", "prop").put("replace", true);
    ToolResult result = registry.call(tool, args);
    return result.ok() ? "ok" : result.error().code().wireName();
  }

  /** The empty document and every fragment alone. */
  private static List<String> documentEdgeCases() {
    List<String> cases = new ArrayList<>(List.of(""));
    cases.addAll(FRAGMENTS);
    return cases;
  }

  /**
   * Up to twelve parts joined: each a fragment of OpenAPI YAML or JSON three times in four, else up
   * to twelve printable ASCII characters; mostly near-valid documents.
   */
  private static String document(Random random) {
    StringBuilder out = new StringBuilder();
    int parts = random.nextInt(13);
    for (int i = 0; i < parts; i++) {
      if (random.nextInt(4) < 3) {
        out.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
      } else {
        int length = random.nextInt(13);
        for (int c = 0; c < length; c++) out.append((char) (' ' + random.nextInt(95)));
      }
    }
    return out.toString();
  }

  @Test
  void previewAnswersADocumentedCodeForAnyDocument() {
    RandomCases.forAll(
        SEED,
        300,
        documentEdgeCases(),
        SpecLoadingPropertiesTest::document,
        spec -> assertThat(outcome("openapi.previewSpec", spec)).isIn(EXPECTED_CODES));
  }

  @Test
  void addSourceAnswersADocumentedCodeForAnyDocument() {
    RandomCases.forAll(
        SEED + 1,
        150,
        documentEdgeCases(),
        SpecLoadingPropertiesTest::document,
        spec -> assertThat(outcome("openapi.addSource", spec)).isIn(EXPECTED_CODES));
  }

  @Test
  void arbitraryTextIsNeverAnInternalError() {
    RandomCases.forAll(
        SEED + 2,
        200,
        List.of("", " ", "\u0000", "\ud800", "\ufeff"),
        random -> RandomCases.string(random, 255),
        spec -> assertThat(outcome("openapi.previewSpec", spec)).isIn(EXPECTED_CODES));
  }

  /** A value nested {@code depth} deep in a flow sequence, a flow mapping or a block sequence. */
  private static String nesting(String open, int depth) {
    return "openapi: 3.0.0\ninfo: {title: N, version: '1'}\npaths: {}\nx-n: "
        + (open.equals("- ")
            ? "\n" + nestedBlock(depth)
            : open.repeat(depth) + "1" + (open.equals("[") ? "]" : "}").repeat(depth));
  }

  private static String nestedBlock(int depth) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(depth, 200); i++) out.append("  ".repeat(i + 1)).append("-\n");
    return out.append("  ".repeat(Math.min(depth, 200) + 1)).append("x\n").toString();
  }

  /** Each opener at depth 1, around the limit and at the most; a block sequence stops at 200. */
  private static List<String> nestingEdgeCases() {
    List<String> cases = new ArrayList<>();
    for (String open : NESTING_OPENERS) {
      List<Integer> depths =
          open.equals("- ")
              ? List.of(1, 200)
              : List.of(1, Limits.MAX_DEPTH - 2, Limits.MAX_DEPTH, Limits.MAX_DEPTH + 2, 1_200);
      for (int depth : depths) cases.add(nesting(open, depth));
    }
    return cases;
  }

  @Test
  void nestingIsReadUpToTheLimitAndRefusedPastIt() {
    RandomCases.forAll(
        SEED + 3,
        60,
        nestingEdgeCases(),
        random ->
            nesting(
                NESTING_OPENERS.get(random.nextInt(NESTING_OPENERS.size())),
                1 + random.nextInt(1_200)),
        spec ->
            assertThat(outcome("openapi.previewSpec", spec)).isIn("ok", "openapi_parse_failed"));
  }

  // Regression examples: inputs that once failed.

  @Test
  void aScalarAnchorUsedLaterIsResolved() {
    assertThat(
            outcome(
                "openapi.previewSpec",
                "openapi: 3.0.0\ninfo: {title: &t T, version: '1'}\npaths: {}\nx-t: *t\n"))
        .isEqualTo("ok");
  }

  @Test
  void aDocumentFollowedBySecondDocumentIsRefused() {
    assertThat(
            outcome(
                "openapi.previewSpec",
                "openapi: 3.0.0\ninfo: {title: T, version: '1'}\npaths: {}\n---\na: 1\n"))
        .isEqualTo("openapi_parse_failed");
  }

  @Test
  void aHugeExponentIsRefused() {
    assertThat(
            outcome(
                "openapi.addSource",
                "openapi: 3.0.0\ninfo: {title: T, version: '1'}\npaths: {}\nx: 1e99999\n"))
        .isEqualTo("openapi_parse_failed");
  }
}
