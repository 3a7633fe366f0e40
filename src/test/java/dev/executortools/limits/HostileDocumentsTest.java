package dev.executortools.limits;

import static dev.executortools.limits.HostileHome.add;
import static dev.executortools.limits.HostileHome.assertUsable;
import static dev.executortools.limits.HostileHome.call;
import static dev.executortools.limits.HostileHome.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.executortools.ErrorCode;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Documents a few megabytes long, built as an attacker would: each is refused with an error naming
 * the limit it passes, or handled, in bounded time, and the home keeps working afterwards. The
 * documents are generated here (nothing large is checked in). Time bounds are generous: they catch
 * minutes-long runs, not slow machines.
 */
class HostileDocumentsTest {
  private static final Duration BOUND = Duration.ofSeconds(60);
  private static final String HEAD = "openapi: 3.0.0\ninfo: {title: H, version: '1'}\n";

  @TempDir Path home;

  private ToolResult within(Supplier<ToolResult> run) {
    return assertTimeoutPreemptively(BOUND, run::get);
  }

  private static void assertFails(ToolResult result, ErrorCode code, String messagePart) {
    assertThat(result.ok()).as("%s", result).isFalse();
    assertThat(result.error().code()).isEqualTo(code);
    assertThat(result.error().message()).contains(messagePart);
  }

  private void assertNothingStored() throws Exception {
    Path sources = home.resolve("sources");
    if (Files.isDirectory(sources)) {
      try (var files = Files.list(sources)) {
        assertThat(files.filter(f -> !f.getFileName().toString().startsWith("."))).isEmpty();
      }
    }
  }

  /** One large value behind an anchor, used as the schema of many parameters. */
  private static String aliasedParameters(String head, String schemaKey) {
    StringBuilder yaml =
        new StringBuilder(head)
            .append("x-big: &big {type: string, description: \"")
            .append("d".repeat(1 << 20))
            .append("\"}\n")
            .append(
                "paths:\n  /a:\n    get:\n      responses: {'200': {description: ok}}\n      parameters:\n");
    for (int i = 0; i < 600; i++) {
      yaml.append("        - {name: p")
          .append(i)
          .append(", in: query, ")
          .append(schemaKey)
          .append(": *big}\n");
    }
    return yaml.toString();
  }

  @Test
  void aLargeValueAliasedIntoSixHundredParameterSchemasIsRefusedAndNothingIsStored()
      throws Exception {
    ToolResult result =
        within(
            () -> call(home, "openapi.addSource", add(aliasedParameters(HEAD, "schema"), "bomb")));

    assertFails(result, ErrorCode.OPENAPI_PARSE_FAILED, "characters of names and strings");
    assertNothingStored();
    assertUsable(home);
  }

  @Test
  void theSameShapeInSwagger2IsRefusedByAddSource() throws Exception {
    String swagger = "swagger: '2.0'\ninfo: {title: H, version: '1'}\n";
    ToolResult result =
        within(
            () ->
                call(
                    home,
                    "openapi.addSource",
                    add(
                        aliasedParameters(swagger, "x-schema")
                            .replace("type: string, description", "description"),
                        "bomb")));

    assertFails(result, ErrorCode.OPENAPI_PARSE_FAILED, "counting what YAML aliases expand to");
    assertNothingStored();
    assertUsable(home);
  }

  @Test
  void aLargeValueAliasedIntoExtensionsIsRefusedByPreview() {
    StringBuilder yaml =
        new StringBuilder(HEAD)
            .append("x-big: &big \"")
            .append("d".repeat(1 << 20))
            .append("\"\npaths: {}\nx-many:\n");
    for (int i = 0; i < 600; i++) yaml.append("  x-").append(i).append(": *big\n");

    ToolResult result = within(() -> call(home, "openapi.previewSpec", spec(yaml.toString())));

    assertFails(result, ErrorCode.OPENAPI_PARSE_FAILED, "characters of names and strings");
    assertUsable(home);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e100000000", "1e100000", "-1E+2000", "1e-5000"})
  void aNumberWithTooManyDigitsIsRefusedBeforeAnythingComputesWithIt(String number)
      throws Exception {
    String yaml =
        HEAD
            + "paths:\n  /a:\n    get:\n      parameters: [{name: q, in: query, schema: "
            + "{type: string, maxLength: "
            + number
            + "}}]\n      responses: {'200': {description: ok}}\n";

    ToolResult result = within(() -> call(home, "openapi.addSource", add(yaml, "num")));

    assertFails(result, ErrorCode.OPENAPI_PARSE_FAILED, Limits.MAX_NUMBER_DIGITS + " digits");
    assertNothingStored();
    assertUsable(home);
  }

  @Test
  void aJsonNumberTooLargeForADoubleIsRefused() {
    String json =
        "{\"openapi\":\"3.0.0\",\"info\":{\"title\":\"J\",\"version\":\"1\"},\"paths\":{},"
            + "\"x-n\":1e100000}";

    ToolResult result = within(() -> call(home, "openapi.previewSpec", spec(json)));

    assertFails(result, ErrorCode.OPENAPI_PARSE_FAILED, "digits");
  }

  @Test
  void anAllOfChainOfTwentyThousandSchemasCompilesInBoundedTime() {
    // Before: 8,000 took 2.9 s and 50,000 took 305 s (each def walked the whole chain below it).
    ToolResult result =
        within(() -> call(home, "openapi.addSource", add(Shapes.allOfChain(20_000), "chain")));

    assertThat(result.ok()).as("%s", result).isTrue();
    assertUsable(home);
  }

  @Test
  void anEightMegabyteYamlStringIsReadInBoundedTime() {
    ToolResult result =
        within(() -> call(home, "openapi.previewSpec", spec(Shapes.longYamlString(8 << 20))));

    assertThat(result.ok()).as("%s", result).isTrue();
  }

  @Test
  void previewOfAListOfThreeHundredThousandRequiredNamesSkipsTheLint() {
    ToolResult result =
        within(() -> call(home, "openapi.previewSpec", spec(Shapes.requiredList(300_000))));

    assertThat(result.ok()).as("%s", result).isTrue();
    assertThat(result.data().path("warnings").toString()).contains("not linted");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void fiftyMegabytesOfNestedListsAreRefusedNamingTheLimit(boolean json) {
    String text = Shapes.nestedLists(50 << 20, json);

    ToolResult result = within(() -> call(home, "openapi.previewSpec", spec(text)));

    assertFails(
        result,
        ErrorCode.OPENAPI_PARSE_FAILED,
        String.format("more than %,d values", Limits.MAX_NODES));
    assertUsable(home);
  }

  @Test
  void aDocumentLongerThanTheLimitIsRefusedBeforeItIsRead() {
    String text =
        HEAD + "paths: {}\nx-pad: '" + "p".repeat((int) Limits.MAX_DOCUMENT_BYTES) + "'\n";

    ToolResult result = within(() -> call(home, "openapi.previewSpec", spec(text)));

    assertFails(result, ErrorCode.OPENAPI_PARSE_FAILED, Limits.bytes(Limits.MAX_DOCUMENT_BYTES));
  }

  @Test
  void aSourceThatWouldBeStoredLargerThanTheLimitIsRefusedAndNothingIsWritten() throws Exception {
    // One shared parameter with a 2 MB enum, used by 60 operations: each tool's schema holds it.
    StringBuilder yaml =
        new StringBuilder(HEAD)
            .append(
                "components:\n  parameters:\n    Big:\n      name: big\n      in: query\n      schema:\n"
                    + "        type: string\n        enum: [");
    for (int i = 0; i < 250_000; i++) yaml.append(i > 0 ? "," : "").append('v').append(i);
    yaml.append("]\npaths:\n");
    for (int i = 0; i < 60; i++) {
      yaml.append("  /p")
          .append(i)
          .append(
              ":\n    get:\n      parameters: [{$ref: '#/components/parameters/Big'}]\n"
                  + "      responses: {'200': {description: ok}}\n");
    }

    ToolResult result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(150),
            () -> call(home, "openapi.addSource", add(yaml.toString(), "wide")));

    assertFails(
        result, ErrorCode.OPENAPI_PARSE_FAILED, Limits.bytes(Limits.MAX_STORED_SOURCE_BYTES));
    assertNothingStored();
    assertUsable(home);
  }

  @ParameterizedTest(name = "within its schema: {0}")
  @ValueSource(booleans = {false, true})
  void parameterDescriptionsThatManyOperationsReferenceAreStoredCutNotWhole(boolean inSchema)
      throws Exception {
    // 60 operations × 4 parameters × 200 KB: before, each tool's binding kept the whole text, 48
    // MB.
    String yaml = Shapes.sharedParameters(60, 4, 200_000, inSchema);

    ToolResult added = within(() -> call(home, "openapi.addSource", add(yaml, "shared")));

    assertThat(added.ok()).as("%s", added).isTrue();
    assertThat(Files.size(home.resolve("sources/shared.json"))).isLessThan(4L * yaml.length());
    try (ToolRegistry registry = HostileHome.open(home)) {
      var tool = registry.tool("shared.o7.getO7").orElseThrow();
      String p3 =
          tool.inputSchema().path("properties").path("p3").path("description").stringValue();
      assertThat(p3).hasSize(Limits.MAX_DESCRIPTION_CHARS).endsWith(Limits.TRUNCATION_MARKER);
    }
  }

  @Test
  void aSourceWhoseToolsWouldShowTooMuchDescriptionIsRefusedAndNothingIsStored() throws Exception {
    // 300 operations × 30 parameters × 4,000 characters shown: 36 M, from a 2 MB document.
    String yaml = Shapes.sharedParameters(300, 30, 5_000, false);

    ToolResult result = within(() -> call(home, "openapi.addSource", add(yaml, "wide")));

    assertFails(
        result,
        ErrorCode.OPENAPI_PARSE_FAILED,
        String.format("%,d characters of descriptions", Limits.MAX_SOURCE_DESCRIPTION_CHARS));
    assertNothingStored();
    assertUsable(home);
  }

  @Test
  void aLongOperationDescriptionIsCutWithAMarker() {
    String yaml =
        HEAD
            + "paths:\n  /a:\n    get:\n      description: '"
            + "w ".repeat(2 << 20)
            + "'\n"
            + "      parameters: [{name: q, in: query, description: '"
            + "v".repeat(100_000)
            + "', schema: "
            + "{type: string, description: '"
            + "s".repeat(100_000)
            + "'}}]\n"
            + "      responses: {'200': {description: ok}}\n";

    ToolResult added = within(() -> call(home, "openapi.addSource", add(yaml, "long")));

    assertThat(added.ok()).as("%s", added).isTrue();
    try (ToolRegistry registry = HostileHome.open(home)) {
      var tool = registry.tool("long.a.getA").orElseThrow();
      assertThat(tool.description())
          .hasSize(Limits.MAX_DESCRIPTION_CHARS)
          .endsWith(Limits.TRUNCATION_MARKER);
      String q = tool.inputSchema().path("properties").path("q").path("description").stringValue();
      assertThat(q).hasSize(Limits.MAX_DESCRIPTION_CHARS).endsWith(Limits.TRUNCATION_MARKER);
    }
  }
}
