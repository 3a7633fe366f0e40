package dev.executortools.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.executortools.internal.Json;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code call} reads its JSON arguments' numbers as written: checked and sent without rounding. */
class CallNumbersCliTest {
  @RegisterExtension
  static WireMockExtension upstream =
      WireMockExtension.newInstance()
          .options(options().bindAddress("127.0.0.1").dynamicPort())
          .build();

  @TempDir Path home;

  private CliRunner.Run run(String... args) {
    return new CliRunner(home).run("", args);
  }

  @BeforeEach
  void addSource() {
    upstream.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{}")));
    String spec =
        """
        openapi: 3.1.0
        info: {title: numbers, version: '1'}
        paths:
          /items:
            get:
              operationId: getItems
              parameters:
                - {name: n, in: query, schema: {type: number}}
                - {name: step, in: query, schema: {type: number, multipleOf: 0.001}}
              responses: {'200': {description: ok}}
        """;
    String args =
        Json.write(
            Json.object()
                .put("spec", spec)
                .put("namespace", "numbers")
                .put("baseUrl", upstream.baseUrl()));
    assertThat(run("call", "--yes", "openapi.addSource", args).exit()).isZero();
  }

  @Test
  void aTinyNumberIsRefusedByMultipleOfAndNothingIsSent() {
    CliRunner.Run result = run("call", "numbers.items.getItems", "{\"step\": 1e-400}");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.errorCode()).isEqualTo("invalid_arguments");
    assertThat(
            result
                .json()
                .path("error")
                .path("details")
                .path("errors")
                .get(0)
                .path("message")
                .asString())
        .isEqualTo("must be multiple of 0.001");
    assertThat(upstream.getAllServeEvents()).isEmpty();
  }

  @Test
  void aHugeNumberIsSentAsWritten() {
    CliRunner.Run result = run("call", "numbers.items.getItems", "{\"n\": 1e400}");

    assertThat(result.exit()).as(result.all()).isZero();
    List<LoggedRequest> requests =
        upstream.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
    assertThat(requests)
        .singleElement()
        .extracting(LoggedRequest::getUrl)
        .isEqualTo("/items?n=1E%2B400");
  }
}
