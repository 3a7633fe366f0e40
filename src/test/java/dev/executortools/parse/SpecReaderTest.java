package dev.executortools.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.executortools.ErrorCode;
import dev.executortools.testing.Corpus;
import org.junit.jupiter.api.Test;

class SpecReaderTest {

  @Test
  void readsOpenApi30Yaml() throws Exception {
    SpecDocument doc =
        SpecReader.read(
            "openapi: 3.0.3\ninfo: {title: Pets, version: '1'}\npaths:\n  /pets:\n    get: {responses: {'200': {description: ok}}}\n");
    assertThat(doc.declaredVersion()).isEqualTo("3.0.3");
    assertThat(doc.title()).isEqualTo("Pets");
    assertThat(doc.root().path("paths").has("/pets")).isTrue();
    assertThat(doc.isOpenApi31()).isFalse();
  }

  @Test
  void anUnquotedNumericInfoVersionIsKeptAsText() throws Exception {
    SpecDocument doc =
        SpecReader.read("openapi: 3.0.0\ninfo: {title: T, version: 1.10}\npaths: {}\n");
    assertThat(doc.version()).isEqualTo("1.10");
  }

  @Test
  void readsOpenApi31Json() throws Exception {
    SpecDocument doc =
        SpecReader.read(
            "{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"T\", \"version\": \"1\"}, \"paths\": {}}");
    assertThat(doc.isOpenApi31()).isTrue();
  }

  @Test
  void convertsSwagger2ToOpenApi3() throws Exception {
    SpecDocument doc =
        SpecReader.read(
            """
        swagger: '2.0'
        info: {title: Old, version: '1'}
        host: api.example.com
        basePath: /v1
        schemes: [https]
        paths:
          /pets/{id}:
            get:
              operationId: getPet
              parameters:
                - {name: id, in: path, required: true, type: string}
              responses:
                '200': {description: ok, schema: {$ref: '#/definitions/Pet'}}
        definitions:
          Pet: {type: object, properties: {name: {type: string}}}
        """);
    assertThat(doc.declaredVersion()).isEqualTo("2.0");
    assertThat(doc.root().path("openapi").asString()).startsWith("3.0");
    assertThat(doc.root().path("servers").get(0).path("url").asString())
        .isEqualTo("https://api.example.com/v1");
    assertThat(doc.root().at("/components/schemas/Pet/properties/name/type").asString())
        .isEqualTo("string");
    assertThat(doc.root().at("/paths/~1pets~1{id}/get/parameters/0/schema/type").asString())
        .isEqualTo("string");
  }

  @Test
  void resolvesYamlAliasesToTheAnchoredValue() throws Exception {
    SpecDocument doc =
        SpecReader.read(
            """
        openapi: 3.0.0
        info: {title: A, version: '1'}
        x-shared: &shared {type: string, maxLength: 3}
        paths:
          /a:
            get:
              parameters:
                - {name: q, in: query, schema: *shared}
              responses: {'200': {description: ok}}
        """);
    assertThat(doc.root().at("/paths/~1a/get/parameters/0/schema/maxLength").asInt()).isEqualTo(3);
  }

  @Test
  void refusesAnAliasBombInsteadOfExpandingIt() {
    StringBuilder yaml =
        new StringBuilder("openapi: 3.0.0\ninfo: {title: B, version: '1'}\npaths: {}\n");
    yaml.append("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      yaml.append("]\n");
    }
    assertThatThrownBy(() -> SpecReader.read(yaml.toString()))
        .isInstanceOfSatisfying(
            SpecException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.OPENAPI_PARSE_FAILED);
              assertThat(e.getMessage()).contains("aliases expand");
            });
  }

  @Test
  void refusesExternalReferences() {
    assertThatThrownBy(
            () ->
                SpecReader.read(
                    """
        openapi: 3.0.0
        info: {title: R, version: '1'}
        paths:
          /a:
            get:
              responses: {'200': {$ref: 'file:///etc/passwd'}}
        """))
        .isInstanceOfSatisfying(
            SpecException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.UNSAFE_REFERENCE);
              assertThat(e.getMessage()).contains("file:///etc/passwd");
            });
  }

  @Test
  void documentThatIsNotOpenApiFailsWithAReadableMessage() {
    assertParseFailure("just: some\nyaml: here\n", "no 'openapi' or 'swagger'");
    assertParseFailure("[1, 2, 3]", "object at the top level");
    assertParseFailure("", "empty");
    assertParseFailure(
        "openapi: 4.0.0\ninfo: {title: X}\npaths: {}\n", "unsupported OpenAPI version 4.0.0");
  }

  @Test
  void brokenYamlFailsWithItsLocation() {
    assertParseFailure("openapi: 3.0.0\npaths:\n  /a: {get: [\n", "invalid YAML");
    assertParseFailure("openapi: 3.0.0\n  bad indent: : :\n- x", "line");
  }

  @Test
  void documentWithoutPathsFails() {
    assertParseFailure(
        "openapi: 3.0.0\ninfo: {title: X, version: '1'}\n",
        "OpenAPI document has no paths defined");
    assertParseFailure(
        "swagger: '2.0'\ninfo: {title: X, version: '1'}\n",
        "OpenAPI document has no paths defined");
    assertParseFailure("openapi: 3.0.0\npaths: []\n", "'paths' is not an object");
  }

  @Test
  void readsLargeYamlBeyondSnakeYamlsDefaultCodePointLimit() throws Exception {
    String kubernetes = Corpus.read("kubernetes.io__v1.10.0.swagger.yaml");
    assertThat(kubernetes.length()).isGreaterThan(3 * 1024 * 1024);
    SpecDocument doc = SpecReader.read(kubernetes);
    assertThat(doc.declaredVersion()).isEqualTo("2.0");
    assertThat(doc.root().path("paths").size()).isEqualTo(488);
  }

  private static void assertParseFailure(String text, String expectedMessagePart) {
    assertThatThrownBy(() -> SpecReader.read(text))
        .isInstanceOfSatisfying(
            SpecException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.OPENAPI_PARSE_FAILED);
              assertThat(e.getMessage()).contains(expectedMessagePart);
            });
  }
}
