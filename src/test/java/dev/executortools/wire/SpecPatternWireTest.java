package dev.executortools.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.executortools.ErrorCode;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * A spec's {@code pattern} that the JDK's backtracking engine cannot bound, on a query parameter, a
 * header and a body property, against 60 characters a model chose: every call is answered at once
 * (RE2 runs what it can in linear time; a backreference runs on the JDK engine within a time
 * budget), a value that matches is sent and one that does not is {@code invalid_arguments} with
 * nothing sent. The time limit is a guard against a hang, not a performance figure.
 */
class SpecPatternWireTest {
  private static final String BACKREFERENCE = "^(a+)+\\1$";
  private static final String REPEATED_STAR = "^(.*a){12}$";
  private static final Duration HANG_GUARD = Duration.ofSeconds(5);

  private static Upstream upstream;
  private static ToolRegistry registry;

  @BeforeAll
  static void start() {
    upstream = Upstream.start();
    registry = Registries.registry(java.util.Map.of());
    Registries.add(
        registry,
        spec("backref", BACKREFERENCE),
        Json.object().put("namespace", "backref").put("baseUrl", upstream.baseUrl()));
    Registries.add(
        registry,
        spec("star", REPEATED_STAR),
        Json.object().put("namespace", "star").put("baseUrl", upstream.baseUrl()));
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

  /** One operation with the pattern on a query parameter, a header and a body property. */
  private static String spec(String title, String pattern) {
    return """
        openapi: 3.0.3
        info: {title: %s, version: '1'}
        paths:
          /items:
            post:
              operationId: sendItem
              parameters:
                - {name: q, in: query, schema: {type: string, pattern: '%s'}}
                - {name: X-Code, in: header, schema: {type: string, pattern: '%s'}}
              requestBody:
                content:
                  application/json:
                    schema: {type: object, properties: {code: {type: string, pattern: '%s'}}}
              responses: {'200': {description: ok}}
        """
        .formatted(title, pattern, pattern, pattern);
  }

  static List<Arguments> places() {
    return List.of(
        Arguments.of("backref", "q"),
        Arguments.of("backref", "X-Code"),
        Arguments.of("backref", "body"),
        Arguments.of("star", "q"),
        Arguments.of("star", "X-Code"),
        Arguments.of("star", "body"));
  }

  private static ObjectNode arguments(String place, String value) {
    return place.equals("body")
        ? Json.object().set("body", Json.object().put("code", value))
        : Json.object().put(place, value);
  }

  private static ToolResult call(String namespace, String place, String value) {
    return assertTimeoutPreemptively(
        HANG_GUARD, () -> registry.call(namespace + ".items.sendItem", arguments(place, value)));
  }

  private static String pointer(String place) {
    return place.equals("body") ? "/body/code" : "/" + place;
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("places")
  void sixtyCharactersThatCannotMatchAreRefusedAtOnce(String namespace, String place) {
    ToolResult result = call(namespace, place, "a".repeat(59) + "!");

    assertThat(result.ok()).as("%s", result).isFalse();
    assertThat(result.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENTS);
    assertThat(result.error().details().path("errors").get(0).path("path").asString())
        .isEqualTo(pointer(place));
    assertThat(result.error().details().path("errors").get(0).path("message").asString())
        .contains("pattern");
    assertThat(upstream.requests()).isEmpty();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("places")
  void sixtyCharactersThatMatchAreAnsweredAtOnce(String namespace, String place) {
    ToolResult result = call(namespace, place, "a".repeat(60));

    if (namespace.equals("star")) {
      // RE2 decides: sixty a's are twelve runs ending in a, so the call is made
      assertThat(result.ok()).as("%s", result).isTrue();
      LoggedRequest request = upstream.onlyRequest();
      if (place.equals("q")) assertThat(request.getUrl()).isEqualTo("/items?q=" + "a".repeat(60));
      if (place.equals("X-Code")) assertThat(request.getHeader("X-Code")).isEqualTo("a".repeat(60));
      if (place.equals("body"))
        assertThat(request.getBodyAsString()).isEqualTo("{\"code\":\"" + "a".repeat(60) + "\"}");
    } else if (result.ok()) {
      // the JDK engine found the match within its budget
      assertThat(upstream.requests()).hasSize(1);
    } else {
      assertThat(result.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENTS);
      assertThat(upstream.requests()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("places")
  void shortValuesAreJudgedByThePattern(String namespace, String place) {
    String matching = namespace.equals("star") ? "a".repeat(12) : "aa";
    String failing = namespace.equals("star") ? "a".repeat(11) : "a";

    ToolResult sent = call(namespace, place, matching);
    assertThat(sent.ok()).as("%s", sent).isTrue();
    ToolResult refused = call(namespace, place, failing);
    assertThat(refused.ok()).isFalse();
    assertThat(refused.error().details().path("errors").get(0).path("message").asString())
        .contains("does not match the regex pattern");
    assertThat(upstream.requests()).hasSize(1);
  }
}
