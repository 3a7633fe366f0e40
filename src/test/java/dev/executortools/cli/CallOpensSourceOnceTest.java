package dev.executortools.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.executortools.ToolRegistry;
import dev.executortools.internal.Json;
import dev.executortools.testing.CliProcess;
import dev.executortools.testing.Strace;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A call of a stored tool, in a new process, opens the source's file once and stats it no more than
 * the change check and the open's own checks need (counted by {@code strace}, skipped where it
 * cannot run).
 */
class CallOpensSourceOnceTest {
  /** The stat calls that name a path (the open file's own {@code fstat} names none). */
  private static final Pattern STAT =
      Pattern.compile("^\\d+\\s+(statx|newfstatat|fstatat64|stat|lstat|stat64|lstat64)\\(");

  private static final Pattern OPEN = Pattern.compile("^\\d+\\s+(openat|open)\\(");

  @RegisterExtension
  static WireMockExtension upstream =
      WireMockExtension.newInstance()
          .options(options().bindAddress("127.0.0.1").dynamicPort())
          .build();

  @TempDir Path dir;

  @Test
  @Timeout(240)
  void aCallOfAStoredToolOpensItsSourceFileOnce() throws Exception {
    Assumptions.assumeTrue(Strace.runs(), "strace is not installed or may not trace here");
    upstream.stubFor(
        get(urlPathEqualTo("/items/7"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\": 7, \"name\": \"seven\"}")));
    Path home = dir.resolve("home");
    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      assertThat(registry.addSource(source()).ok()).isTrue();
    }
    Path file = home.resolve("sources").resolve("items.json");
    assertThat(file).isRegularFile();

    Strace.Traced traced =
        Strace.cli(dir, "--home", home.toString(), "call", "items.items.getItem", "{\"id\": 7}");
    CliProcess run = traced.run();

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode result = Json.MAPPER.readTree(run.out());
    assertThat(result.path("ok").asBoolean()).isTrue();
    assertThat(result.path("data").path("name").asString()).isEqualTo("seven");
    upstream.verify(1, getRequestedFor(urlPathEqualTo("/items/7")));
    List<String> touching =
        traced.lines().stream().filter(l -> l.contains("\"" + file + "\"")).toList();
    assertThat(touching.stream().filter(l -> OPEN.matcher(l).find()))
        .as("opens of %s", file)
        .hasSize(1);
    assertThat(touching.stream().filter(l -> STAT.matcher(l).find()))
        .as("stats of %s (the change check, the checks before and after the open)", file)
        .hasSizeLessThanOrEqualTo(3);
  }

  private static JsonNode source() {
    String spec =
        """
        openapi: 3.1.0
        info: {title: items, version: '1'}
        paths:
          /items:
            get:
              operationId: listItems
              responses: {'200': {description: ok}}
          /items/{id}:
            get:
              operationId: getItem
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer}}
              responses: {'200': {description: ok}}
        """;
    return Json.object()
        .put("spec", spec)
        .put("namespace", "items")
        .put("baseUrl", upstream.baseUrl());
  }
}
