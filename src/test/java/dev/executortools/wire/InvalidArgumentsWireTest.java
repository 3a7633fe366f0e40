package dev.executortools.wire;

import static dev.executortools.wire.Registries.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.ErrorCode;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Arguments that cannot be sent give {@code invalid_arguments} with JSON-pointer paths, and the
 * server receives nothing: neither for what the input schema refuses nor for what only binding
 * finds (line breaks in headers and cookies, a server variable without a value, bad base64).
 */
class InvalidArgumentsWireTest {
  private static final String STYLES = "styles.items.getItemVersion";
  private static final String SEND_DOCUMENT = "telegram.sendDocument.postSendDocument";
  private static Upstream upstream;
  private static ToolRegistry registry;

  @BeforeAll
  static void start() {
    upstream = Upstream.start();
    registry =
        Registries.withSource(
            Corpus.resource("/wire/cookies.yaml"),
            Json.object().put("namespace", "styles").put("baseUrl", upstream.baseUrl()));
    Registries.add(
        registry,
        Corpus.read("telegram.org__5.0.0.openapi.yaml"),
        Json.object().put("namespace", "telegram"));
  }

  @AfterAll
  static void stop() {
    registry.close();
    upstream.close();
  }

  @BeforeEach
  void reset() {
    upstream.reset();
  }

  private static List<String> errorPaths(ToolResult result) {
    assertThat(result.ok()).as("%s", result).isFalse();
    assertThat(result.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENTS);
    List<String> paths = new ArrayList<>();
    for (JsonNode error : result.error().details().path("errors")) {
      assertThat(error.path("message").asString()).isNotBlank();
      paths.add(error.path("path").asString());
    }
    return paths;
  }

  @Test
  void everySchemaViolationIsReportedAtItsPointerAndNothingIsSent() {
    ToolResult result =
        registry.call(
            STYLES,
            json(
                """
                {"label": "not-an-array", "matrix": {"r": 5}, "ids": [1, "two"],
                 "filter": {"status": 3}, "odd/name~": true}
                """));

    assertThat(errorPaths(result))
        .containsExactlyInAnyOrder(
            "/id", "/label", "/matrix/r", "/ids/1", "/filter/status", "/odd~1name~0");
    assertThat(upstream.requests()).isEmpty();
  }

  @Test
  void aLineBreakInAHeaderIsRefusedBeforeAnythingIsSent() {
    ToolResult result =
        registry.call(
            STYLES,
            json(
                """
                {"id": "1", "label": ["x"], "matrix": {"r": "1"},
                 "X-Request-Id": "req-1\\r\\nX-Injected: yes"}
                """));

    assertThat(errorPaths(result)).containsExactly("/X-Request-Id");
    assertThat(upstream.requests()).isEmpty();
  }

  @Test
  void aLineBreakInACookieIsRefusedBeforeAnythingIsSent() {
    ToolResult result =
        registry.call(
            STYLES,
            json(
                """
                {"id": "1", "label": ["x"], "matrix": {"r": "1"}, "session": "abc\\nSet-Cookie: x=y"}
                """));

    assertThat(errorPaths(result)).containsExactly("/session");
    assertThat(upstream.requests()).isEmpty();
  }

  @Test
  void aServerVariableWithoutValueIsReportedAtItsPointer() {
    ToolResult result =
        registry.call(
            SEND_DOCUMENT,
            json(
                """
                {"server": {"url": "%s/bot{token}"},
                 "body": {"chat_id": 1, "document": {"base64": "AAEC"}}}
                """
                    .formatted(upstream.baseUrl())));

    assertThat(errorPaths(result)).containsExactly("/server/variables/token");
    assertThat(upstream.requests()).isEmpty();
  }

  @Test
  void fileContentThatIsNotBase64IsReportedAtItsPointer() {
    ToolResult result =
        registry.call(
            SEND_DOCUMENT,
            json(
                """
                {"server": {"url": "%s/bot{token}", "variables": {"token": "1:x"}},
                 "body": {"chat_id": 1, "document": {"base64": "this is not base64!"}}}
                """
                    .formatted(upstream.baseUrl())));

    assertThat(errorPaths(result)).containsExactly("/body/document/base64");
    assertThat(upstream.requests()).isEmpty();
  }

  @Test
  void aMissingRequiredBodyIsReportedAndNothingIsSent() {
    ToolResult result = registry.call(SEND_DOCUMENT, json("{}"));

    assertThat(errorPaths(result)).containsExactly("/body");
    assertThat(upstream.requests()).isEmpty();
  }
}
