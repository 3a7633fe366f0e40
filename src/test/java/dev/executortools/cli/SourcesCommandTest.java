package dev.executortools.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

@Timeout(90)
class SourcesCommandTest {
  private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path home;
  @TempDir Path logs;
  private WireMockServer upstream;
  private CliRunner cli;

  @BeforeEach
  void start() {
    upstream = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    upstream.start();
    cli = new CliRunner(home);
  }

  @AfterEach
  void stop() {
    upstream.stop();
  }

  private String addArgs(String spec, String namespace) {
    return Json.write(
        Json.object()
            .put("spec", spec)
            .put("namespace", namespace)
            .put("baseUrl", upstream.baseUrl()));
  }

  /**
   * Runs the real command line in a separate JVM on the same home. Its stdout and stderr go to
   * files (a full pipe cannot stall it); a child still running after {@link #CHILD_TIMEOUT} is
   * killed and fails the test.
   */
  private CliRunner.Run child(String stdin, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--home",
                home.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(logs, "child", ".out");
    Path err = Files.createTempFile(logs, "child", ".err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    try {
      try (OutputStream in = process.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      assertThat(process.waitFor(CHILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
          .as("child %s still running after %s: %s", command, CHILD_TIMEOUT, Files.readString(err))
          .isTrue();
    } finally {
      process.destroyForcibly();
    }
    return new CliRunner.Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void aSourceAddedInOneJvmIsListedAndCalledInAnother() throws Exception {
    upstream.stubFor(
        get(urlPathEqualTo("/items"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("[\"a\", \"b\"]")));
    CliRunner.Run added =
        child(
            addArgs(Corpus.resource("/specs/items-v1.yaml"), "items"),
            "call",
            "--yes",
            "openapi.addSource",
            "-");
    assertThat(added.exit()).as(added.all()).isZero();

    CliRunner.Run listed = child("", "tools", "list");
    assertThat(listed.exit()).isZero();
    List<String> ids = new ArrayList<>();
    listed.data().forEach(t -> ids.add(t.path("id").asString()));
    assertThat(ids)
        .contains("items.items.listItems", "items.items.createItem", "items.items.deleteItem");

    CliRunner.Run called = child("", "call", "items.items.listItems", "{\"limit\": 2}");
    assertThat(called.exit()).as(called.all()).isZero();
    assertThat(called.json().path("data").toString()).isEqualTo("[\"a\",\"b\"]");
    upstream.verify(1, getRequestedFor(urlEqualTo("/items?limit=2")));
  }

  @Test
  void removeDropsTheToolsAndUnknownNamespacesFail() {
    assertThat(
            cli.run(
                    addArgs(Corpus.resource("/specs/items-v1.yaml"), "items"),
                    "call",
                    "--yes",
                    "openapi.addSource",
                    "-")
                .exit())
        .isZero();
    CliRunner.Run removed = cli.run("", "sources", "remove", "items");
    assertThat(removed.exit()).isZero();
    assertThat(removed.data().path("sourceId").asString()).isEqualTo("items");
    assertThat(removed.data().path("removed")).hasSize(3);
    assertThat(cli.run("", "tools", "list").data()).hasSize(5);
    CliRunner.Run again = cli.run("", "sources", "remove", "items");
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.json().path("error").path("code").asString()).isEqualTo("unknown_source");
  }

  @Test
  void refreshFetchesAUrlSourceAgainAndReportsTheChange() {
    upstream.stubFor(
        get("/spec.yaml")
            .willReturn(aResponse().withBody(Corpus.resource("/specs/items-v1.yaml"))));
    String args =
        Json.write(
            Json.object().put("spec", upstream.baseUrl() + "/spec.yaml").put("namespace", "items"));
    // the upstream is on loopback: a model-chosen spec URL reaches it only with the allowance
    assertThat(
            cli.run(args, "--allow-private-network", "call", "--yes", "openapi.addSource", "-")
                .exit())
        .isZero();
    upstream.stubFor(
        get("/spec.yaml")
            .willReturn(aResponse().withBody(Corpus.resource("/specs/items-v2.yaml"))));

    CliRunner.Run refreshed = cli.run("", "sources", "refresh", "--allow-private-network", "items");
    assertThat(refreshed.exit()).as(refreshed.all()).isZero();
    JsonNode data = refreshed.json().path("data");
    assertThat(data.path("added").toString()).isEqualTo("[\"items.items.archiveItem\"]");
    assertThat(data.path("removed").toString()).isEqualTo("[\"items.items.deleteItem\"]");
    assertThat(data.path("changed").toString()).isEqualTo("[\"items.items.listItems\"]");
    assertThat(cli.run("", "tools", "describe", "items.items.archiveItem").exit()).isZero();
  }

  @Test
  void aChangeInASharedDefinitionChangesTheToolsWhoseSchemasHoldIt() {
    String spec =
        """
        {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "servers": [{"url": "https://x.example"}],
         "paths": {"/items": {"post": {"operationId": "createItem", "tags": ["items"],
           "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}}},
           "responses": {"200": {"description": "ok"}}}},
          "/ping": {"get": {"operationId": "ping", "tags": ["items"], "responses": {"200": {"description": "ok"}}}}},
         "components": {"schemas": {"Item": {"type": "object", "properties": {"name": {"type": "string"},
           "tag": {"$ref": "#/components/schemas/Tag"}}},
           "Tag": {"type": "object", "properties": {"label": {"type": "%s"}}}}}}
        """;
    upstream.stubFor(get("/spec.json").willReturn(aResponse().withBody(spec.formatted("string"))));
    String args =
        Json.write(
            Json.object().put("spec", upstream.baseUrl() + "/spec.json").put("namespace", "shop"));
    assertThat(
            cli.run(args, "--allow-private-network", "call", "--yes", "openapi.addSource", "-")
                .exit())
        .isZero();
    upstream.stubFor(get("/spec.json").willReturn(aResponse().withBody(spec.formatted("integer"))));

    CliRunner.Run refreshed = cli.run("", "sources", "refresh", "--allow-private-network", "shop");

    assertThat(refreshed.exit()).as(refreshed.all()).isZero();
    JsonNode data = refreshed.json().path("data");
    assertThat(data.path("changed").toString()).isEqualTo("[\"shop.items.createItem\"]");
    assertThat(data.path("added")).isEmpty();
    assertThat(data.path("removed")).isEmpty();
  }

  @Test
  void refreshingAnUnchangedSourceInAnotherProcessReportsNoChange() throws Exception {
    assertThat(
            cli.run(
                    addArgs(Corpus.resource("/specs/items-v1.yaml"), "items"),
                    "call",
                    "--yes",
                    "openapi.addSource",
                    "-")
                .exit())
        .isZero();
    CliRunner.Run refreshed = child("", "sources", "refresh", "items");
    assertThat(refreshed.exit()).as(refreshed.all()).isZero();
    JsonNode data = refreshed.json().path("data");
    assertThat(data.path("added")).isEmpty();
    assertThat(data.path("removed")).isEmpty();
    assertThat(data.path("changed"))
        .as("tools read back from the store equal fresh ones")
        .isEmpty();
  }

  @Test
  void aDamagedStoredSourceIsReportedWhileTheOthersStillLoad() throws Exception {
    assertThat(
            cli.run(
                    addArgs(Corpus.resource("/specs/items-v1.yaml"), "good"),
                    "call",
                    "--yes",
                    "openapi.addSource",
                    "-")
                .exit())
        .isZero();
    assertThat(
            cli.run(
                    addArgs(Corpus.resource("/specs/items-v2.yaml"), "bad"),
                    "call",
                    "--yes",
                    "openapi.addSource",
                    "-")
                .exit())
        .isZero();
    Path badFile;
    try (Stream<Path> files = Files.walk(home)) {
      badFile =
          files.filter(p -> p.getFileName().toString().startsWith("bad")).findFirst().orElseThrow();
    }
    Files.writeString(badFile, "{\"truncated\": ");

    CliRunner.Run listed = cli.run("", "sources", "list");
    assertThat(listed.exit())
        .as("the listing itself succeeded; the damage is in data.problems")
        .isZero();
    assertThat(listed.data().path("sources")).hasSize(1);
    assertThat(listed.data().path("sources").get(0).path("sourceId").asString()).isEqualTo("good");
    assertThat(listed.data().path("problems").get(0).path("sourceId").asString()).isEqualTo("bad");
    assertThat(listed.data().path("problems").get(0).path("file").asString())
        .isEqualTo(badFile.toString());
    assertThat(listed.data().path("problems").get(0).path("message").asString()).isNotBlank();
    assertThat(cli.run("", "tools", "describe", "good.items.listItems").exit()).isZero();
    assertThat(Files.exists(badFile)).as("a damaged file is never deleted").isTrue();
  }
}
