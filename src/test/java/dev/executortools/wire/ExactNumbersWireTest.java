package dev.executortools.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.executortools.ErrorCode;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Numbers at the edge of the limits, read from JSON text as the command line reads arguments: each
 * is validated and sent as written (a big decimal, never rounded to a double), and one the schema
 * does not allow is {@code invalid_arguments} with nothing sent.
 */
class ExactNumbersWireTest {
  private static final String TOOL = "numbers.items.sendNumbers";
  private static final String SPEC =
      """
      openapi: 3.1.0
      info: {title: numbers, version: '1'}
      paths:
        /items:
          post:
            operationId: sendNumbers
            parameters:
              - {name: n, in: query, schema: {type: number}}
              - {name: capped, in: query, schema: {type: number, maximum: 100}}
              - {name: whole, in: query, schema: {type: integer}}
              - {name: step, in: query, schema: {type: number, multipleOf: 0.001}}
            requestBody:
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      n: {type: number}
                      capped: {type: number, maximum: 100}
                      whole: {type: integer}
                      step: {type: number, multipleOf: 0.001}
            responses: {'200': {description: ok}}
      """;
  private static final String DIGITS_500 = "9" + "1234567890".repeat(49) + "123456789";

  private static Upstream upstream;
  private static ToolRegistry registry;

  @BeforeAll
  static void start() {
    upstream = Upstream.start();
    registry =
        Registries.withSource(
            SPEC, Json.object().put("namespace", "numbers").put("baseUrl", upstream.baseUrl()));
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

  /** Calls the tool with arguments read as the command line reads them. */
  private static ToolResult call(String arguments) {
    return registry.call(TOOL, Json.parseArguments(arguments));
  }

  private static LoggedRequest sent(ToolResult result) {
    assertThat(result.ok()).as("%s", result).isTrue();
    return upstream.onlyRequest();
  }

  private static String query(LoggedRequest request, String name) {
    String url = request.getUrl();
    for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
      if (pair.startsWith(name + "="))
        return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
    }
    throw new AssertionError("no " + name + " in " + url);
  }

  private static JsonNode refused(ToolResult result, String path) {
    assertThat(result.ok()).as("%s", result).isFalse();
    assertThat(result.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENTS);
    JsonNode error = result.error().details().path("errors").get(0);
    assertThat(error.path("path").asString()).isEqualTo(path);
    assertThat(upstream.requests()).isEmpty();
    return error;
  }

  @Test
  void aNumberPastADoubleIsSentAsWrittenWhereTheSchemaHasNoMaximum() {
    LoggedRequest request = sent(call("{\"n\": 1e400, \"body\": {\"n\": 1e400}}"));

    assertThat(query(request, "n")).isEqualTo("1E+400");
    assertThat(request.getBodyAsString()).isEqualTo("{\"n\":1E+400}");
  }

  @Test
  void aNumberPastTheMaximumIsRefusedByItsValue() {
    assertThat(refused(call("{\"capped\": 1e400}"), "/capped").path("message").asString())
        .isEqualTo("must have a maximum value of 100");
    upstream.reset();
    refused(call("{\"body\": {\"capped\": 1e400}}"), "/body/capped");
  }

  @Test
  void aTinyNumberIsNotAMultipleOfAThousandth() {
    assertThat(refused(call("{\"step\": 1e-400}"), "/step").path("message").asString())
        .isEqualTo("must be multiple of 0.001");
    upstream.reset();
    refused(call("{\"body\": {\"step\": 1e-400}}"), "/body/step");
  }

  @Test
  void aTinyNumberIsSentAsWrittenNotAsZero() {
    LoggedRequest request =
        sent(call("{\"n\": 1e-400, \"step\": 0.002, \"body\": {\"n\": 1e-400}}"));

    assertThat(query(request, "n")).isEqualTo("1E-400");
    assertThat(query(request, "step")).isEqualTo("0.002");
    assertThat(request.getBodyAsString()).isEqualTo("{\"n\":1E-400}");
  }

  @Test
  void anIntegerOfFiveHundredDigitsIsSentDigitForDigit() {
    assertThat(DIGITS_500).hasSize(500);
    LoggedRequest request =
        sent(call("{\"whole\": " + DIGITS_500 + ", \"body\": {\"whole\": -" + DIGITS_500 + "}}"));

    assertThat(query(request, "whole")).isEqualTo(DIGITS_500);
    assertThat(request.getUrl()).contains("whole=" + DIGITS_500);
    assertThat(request.getBodyAsString()).isEqualTo("{\"whole\":-" + DIGITS_500 + "}");
  }

  /** JSON Schema 2020-12: a number whose fractional part is zero is an integer, however written. */
  @ParameterizedTest
  @ValueSource(strings = {"1e400", "1.0", "1E2", "-0.0", "12.000"})
  void aNumberWithoutFractionIsAnInteger(String written) {
    LoggedRequest request = sent(call("{\"whole\": " + written + "}"));

    assertThat(new java.math.BigDecimal(query(request, "whole"))).isEqualByComparingTo(written);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "1e-400", "1.0000000000000000000000001"})
  void aNumberWithAFractionIsNotAnInteger(String written) {
    refused(call("{\"whole\": " + written + "}"), "/whole");
  }

  @Test
  void aNumberPastTheDigitLimitIsRefusedPlainly() {
    assertThat(refused(call("{\"n\": 1e2000}"), "/n").path("message").asString())
        .isEqualTo("has more than 1,000 digits written out (the limit of one number)");
  }

  @Test
  void anInfiniteDoubleFromAJavaCallerIsRefusedPlainly() {
    JsonNode arguments =
        Json.object().set("n", JsonNodeFactory.instance.numberNode(Double.POSITIVE_INFINITY));

    assertThat(refused(registry.call(TOOL, arguments), "/n").path("message").asString())
        .isEqualTo("must be a finite number");
  }
}
