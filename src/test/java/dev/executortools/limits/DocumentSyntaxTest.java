package dev.executortools.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Valid YAML is read, invalid input refused, and references leave the document under no name. */
@Timeout(60)
class DocumentSyntaxTest {
  private static final String HEAD = "openapi: 3.0.0\ninfo: {title: S, version: '1'}\n";

  private static ToolResult preview(String spec) {
    // loopback stands in for a public host: the URL is fetched, not refused by the network policy
    try (ToolRegistry registry = ToolRegistry.builder().allowPrivateNetwork(true).build()) {
      return registry.call("openapi.previewSpec", Json.object().put("spec", spec));
    }
  }

  private static String code(ToolResult result) {
    return result.ok() ? "ok" : result.error().code().wireName();
  }

  @Test
  void anAnchoredScalarCanBeUsedThroughItsAlias() {
    ToolResult result =
        preview(
            "openapi: 3.0.0\ninfo: {title: &t Hello, version: '1'}\npaths:\n"
                + "  /a:\n    get:\n      summary: *t\n      responses: {'200': {description: ok}}\n");

    assertThat(code(result)).as("%s", result).isEqualTo("ok");
    assertThat(result.data().path("title").stringValue()).isEqualTo("Hello");
    assertThat(result.data().path("operations").get(0).path("summary").stringValue())
        .isEqualTo("Hello");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"openapi\":\"3.0.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"paths\":{}} garbage",
        "{\"openapi\":\"3.0.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"paths\":{}} {\"x\":1}",
        "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\n---\nextra: document\n"
      })
  void contentAfterTheDocumentIsRefused(String spec) {
    ToolResult result = preview(spec);

    assertThat(code(result)).as("%s", result).isEqualTo("openapi_parse_failed");
  }

  @Test
  void aUrlWithACapitalSchemeIsFetchedNotReadAsText() {
    ToolResult result = preview("HTTP://127.0.0.1:1/openapi.yaml");

    assertThat(code(result)).as("%s", result).isEqualTo("openapi_fetch_failed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"example", "default", "enum", "const", "examples", "x-data"})
  void anExternalReferenceUnderAPropertyNamedLikeAKeywordIsRefused(String name) {
    String spec =
        HEAD
            + "paths:\n  /a:\n    post:\n      requestBody:\n        content:\n"
            + "          application/json:\n            schema:\n              type: object\n"
            + "              properties:\n                "
            + name
            + ": {$ref: 'https://evil.example/s.json'}\n"
            + "      responses: {'200': {description: ok}}\n";

    ToolResult result = preview(spec);

    assertThat(code(result)).as("%s", result).isEqualTo("unsafe_reference");
  }

  @Test
  void anExternalReferenceInsideAComponentSchemaNamedLikeAKeywordIsRefused() {
    String spec =
        HEAD + "paths: {}\ncomponents:\n  schemas:\n    default: {$ref: 'file:///etc/passwd'}\n";

    assertThat(code(preview(spec))).isEqualTo("unsafe_reference");
  }

  @Test
  void aReferenceShapedValueInsideAnExampleStaysData() {
    String spec =
        HEAD
            + "paths:\n  /a:\n    get:\n      parameters:\n        - name: q\n          in: query\n"
            + "          schema: {type: object, example: {$ref: 'https://example.com/data'}}\n"
            + "      responses: {'200': {description: ok}}\n";

    assertThat(code(preview(spec))).isEqualTo("ok");
  }
}
