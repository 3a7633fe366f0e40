package dev.executortools.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.executortools.internal.Json;
import dev.executortools.internal.Limits;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The command line within the limits: nothing ends in a stack trace, a stored source too large or
 * damaged to load is reported and can be removed, and what is read can be written.
 */
@Timeout(120)
class CliLimitsTest {
  @RegisterExtension
  static WireMockExtension upstream =
      WireMockExtension.newInstance()
          .options(options().bindAddress("127.0.0.1").dynamicPort())
          .build();

  @TempDir Path home;

  private CliRunner.Run run(String stdin, String... args) {
    return new CliRunner(home).run(stdin, args);
  }

  @Test
  void anOutOfMemoryErrorEndsInAnInternalErrorValueAndNoStackTrace() {
    InputStream exhausted =
        new InputStream() {
          @Override
          public int read() {
            throw new OutOfMemoryError("Java heap space");
          }

          @Override
          public byte[] readAllBytes() {
            throw new OutOfMemoryError("Java heap space");
          }
        };
    int exit;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    synchronized (CliRunner.class) {
      PrintStream oldOut = System.out;
      PrintStream oldErr = System.err;
      InputStream oldIn = System.in;
      try {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setIn(exhausted);
        exit = Main.run("--home", home.toString(), "call", "openapi.previewSpec", "-");
      } finally {
        System.setOut(oldOut);
        System.setErr(oldErr);
        System.setIn(oldIn);
      }
    }

    assertThat(exit).isEqualTo(1);
    JsonNode result = Json.parse(out.toString(StandardCharsets.UTF_8));
    assertThat(result.path("error").path("code").stringValue()).isEqualTo("internal_error");
    assertThat(result.path("error").path("message").stringValue())
        .contains("OutOfMemoryError")
        .doesNotContain("\n");
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("\tat ");
  }

  @Test
  void aStoredSourceLargerThanTheLimitIsReportedNotLoadedAndCanBeRemoved() throws Exception {
    Path sources = Files.createDirectories(home.resolve("sources"));
    try (RandomAccessFile big = new RandomAccessFile(sources.resolve("big.json").toFile(), "rw")) {
      big.setLength(Limits.MAX_STORED_SOURCE_BYTES + 1); // sparse: no disk used, no time spent
    }

    CliRunner.Run list = run("", "sources", "list");
    assertThat(list.exit()).isZero();
    assertThat(list.json().path("data").path("problems").toString())
        .contains("big", "larger than 256 MiB");
    assertThat(run("", "tools", "list").exit()).isZero();

    CliRunner.Run removed = run("", "sources", "remove", "big");
    assertThat(removed.exit()).as(removed.all()).isZero();
    assertThat(sources.resolve("big.json")).doesNotExist();
    assertThat(run("", "sources", "list").exit()).isZero();
  }

  @Test
  void aDamagedStoredSourceIsReportedAndCanBeRemoved() throws Exception {
    Path sources = Files.createDirectories(home.resolve("sources"));
    Files.writeString(sources.resolve("broken.json"), "{\"formatVersion\": 2, \"tools\": [[[[[[");

    assertThat(run("", "sources", "list").json().path("data").path("problems").toString())
        .contains("broken", "damaged");
    assertThat(run("", "sources", "remove", "broken").exit()).isZero();
    assertThat(sources.resolve("broken.json")).doesNotExist();
  }

  @Test
  void aResponseNestedSixHundredDeepIsReadAndPrinted() {
    String deep = "[".repeat(600) + "]".repeat(600);
    upstream.stubFor(
        get(urlEqualTo("/deep"))
            .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(deep)));
    String spec =
        "openapi: 3.0.0\ninfo: {title: D, version: '1'}\npaths:\n  /deep:\n    get:\n"
            + "      operationId: deep\n      responses: {'200': {description: ok}}\n";
    String add =
        Json.write(
            Json.object()
                .put("spec", spec)
                .put("namespace", "d")
                .put("baseUrl", upstream.baseUrl()));
    CliRunner.Run added = run(add, "call", "--yes", "openapi.addSource", "-");
    assertThat(added.exit()).as(added.all()).isZero();

    CliRunner.Run called =
        run("", "call", added.json().path("data").path("tools").get(0).stringValue());

    assertThat(called.exit()).as(called.all()).isZero();
    assertThat(Json.write(called.json().path("data"))).isEqualTo(deep);
  }

  @Test
  void aSchemaNestedFourHundredNinetyDeepIsPreviewedAndAdded() {
    StringBuilder schema = new StringBuilder();
    for (int i = 0; i < 245; i++) schema.append("{\"type\":\"object\",\"properties\":{\"n\":");
    schema.append("{\"type\":\"string\"}").append("}}".repeat(245));
    String spec =
        "{\"openapi\":\"3.0.0\",\"info\":{\"title\":\"N\",\"version\":\"1\"},\"paths\":{\"/n\":{\"post\":"
            + "{\"operationId\":\"nest\",\"requestBody\":{\"content\":{\"application/json\":{\"schema\":"
            + schema
            + "}}},\"responses\":{\"200\":{\"description\":\"ok\"}}}}}}";
    String args = Json.write(Json.object().put("spec", spec).put("namespace", "n"));

    CliRunner.Run preview =
        run(Json.write(Json.object().put("spec", spec)), "call", "openapi.previewSpec", "-");
    assertThat(preview.exit()).as(preview.all()).isZero();
    CliRunner.Run added = run(args, "call", "--yes", "openapi.addSource", "-");
    assertThat(added.exit()).as(added.all()).isZero();
    String id = added.json().path("data").path("tools").get(0).stringValue();
    CliRunner.Run described = run("", "tools", "describe", id);
    assertThat(described.exit()).isZero();
    assertThat(Json.write(described.json())).contains("\"n\"");
  }
}
