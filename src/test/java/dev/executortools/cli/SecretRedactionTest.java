package dev.executortools.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** No secret value, and no literal source credential, shows in anything any command prints. */
class SecretRedactionTest {
  private static final String SECRET = "s3cr3t-TOKEN-5f1c9e2a77";
  private static final String LITERAL = "literal-KEY-93b1d04c";
  private static final String QUERY_SECRET = "q-SECRET-0c4e8d1f";

  @TempDir Path home;
  private WireMockServer upstream;
  private CliRunner cli;
  private final List<CliRunner.Run> outputs = new ArrayList<>();

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

  private CliRunner.Run run(String stdin, String... args) {
    CliRunner.Run run = cli.run(stdin, args);
    outputs.add(run);
    return run;
  }

  @Test
  void secretsAndLiteralCredentialsNeverAppearInAnyOutput() throws Exception {
    // the upstream echoes what it got, as httpbin's /headers does
    upstream.stubFor(
        get(urlPathEqualTo("/items"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("[\"" + SECRET + "\", \"" + LITERAL + "\"]")));
    upstream.stubFor(
        post(urlPathEqualTo("/items"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\": \"bad token Bearer " + SECRET + "\"}")));

    assertThat(run(SECRET + "\n", "secrets", "set", "api_token").exit()).isZero();
    assertThat(run(QUERY_SECRET, "secrets", "set", "query_key").exit()).isZero();
    ObjectNode args =
        Json.object()
            .put("spec", Corpus.resource("/specs/items-v1.yaml"))
            .put("namespace", "items")
            .put("baseUrl", upstream.baseUrl());
    args.putObject("headers")
        .put("X-Api-Key", LITERAL)
        .putObject("Authorization")
        .put("secretId", "api_token")
        .put("prefix", "Bearer ");
    args.putObject("queryParams").putObject("key").put("secretId", "query_key");
    assertThat(run(Json.write(args), "call", "--yes", "openapi.addSource", "-").exit()).isZero();

    run("", "secrets", "list");
    run("", "sources", "list");
    run("", "tools", "list");
    run("", "tools", "describe", "items.items.listItems");
    CliRunner.Run ok = run("", "call", "items.items.listItems", "{}");
    assertThat(ok.exit()).as(ok.all()).isZero();
    CliRunner.Run failed =
        run("", "call", "--yes", "items.items.createItem", "{\"body\": {\"name\": \"x\"}}");
    assertThat(failed.exit()).isEqualTo(1);
    run("", "policies", "list");
    run("", "secrets", "remove", "api_token");
    CliRunner.Run missing = run("", "call", "items.items.listItems", "{}");
    assertThat(missing.json().path("error").path("code").asString()).isEqualTo("missing_secret");
    assertThat(missing.json().path("error").path("message").asString()).contains("api_token");

    upstream.verify(
        getRequestedFor(urlPathEqualTo("/items"))
            .withHeader("Authorization", equalTo("Bearer " + SECRET))
            .withHeader("X-Api-Key", equalTo(LITERAL))
            .withQueryParam("key", equalTo(QUERY_SECRET)));
    assertThat(run("", "secrets", "list").out()).contains("query_key").doesNotContain("api_token");
    for (CliRunner.Run run : outputs) {
      assertThat(run.all())
          .doesNotContain(SECRET)
          .doesNotContain(LITERAL)
          .doesNotContain(QUERY_SECRET);
    }
    try (Stream<Path> files = Files.walk(home)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (file.getFileName().toString().startsWith("secrets")) continue;
        // every byte as a character: the search indexes beside the sources are binary
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
            .as(file.toString())
            .doesNotContain(SECRET)
            .doesNotContain(QUERY_SECRET);
      }
    }
  }
}
