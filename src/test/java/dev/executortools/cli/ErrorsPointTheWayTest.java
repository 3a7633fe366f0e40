package dev.executortools.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Each error a new user met, through the command line, with the fields that point the way. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ErrorsPointTheWayTest {
  @RegisterExtension
  static WireMockExtension upstream =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @TempDir Path home;
  private CliRunner cli;

  @BeforeEach
  void setUp() {
    cli = new CliRunner(home);
  }

  private void addItems(String namespace) {
    String args =
        Json.write(
            Json.object()
                .put("spec", Corpus.resource("/specs/items-v1.yaml"))
                .put("namespace", namespace)
                .put("baseUrl", upstream.baseUrl()));
    assertThat(cli.run(args, "call", "--yes", "openapi.addSource", "-").exit()).isZero();
  }

  private JsonNode error(CliRunner.Run run) {
    assertThat(run.exit()).as(run.all()).isEqualTo(1);
    return run.json().path("error");
  }

  private CliRunner.Run preview(String url, ObjectNode fetchCredentials) {
    ObjectNode args = Json.object().put("spec", url);
    if (fetchCredentials != null) args.set("specFetchCredentials", fetchCredentials);
    return cli.run("", "--allow-private-network", "call", "openapi.previewSpec", Json.write(args));
  }

  @Test
  void aFailedSpecFetchNamesTheUrlAsRequestedWithItsStatusAndCredentialsMasked() {
    upstream.stubFor(
        get(urlPathEqualTo("/specs/nope.yaml")).willReturn(aResponse().withStatus(404)));
    ObjectNode credentials = Json.object();
    credentials.putObject("queryParams").put("api_key", "fetch-key-123456");
    int port = upstream.getPort();

    JsonNode error =
        error(
            preview(
                "http://alice:pa55word@127.0.0.1:"
                    + port
                    + "/specs/nope.yaml?v=2&token=typed-in-9876",
                credentials));

    assertThat(error.path("code").asString()).isEqualTo("openapi_fetch_failed");
    assertThat(error.path("status").asInt()).isEqualTo(404);
    assertThat(error.path("retryable").asBoolean(true)).isFalse();
    String url = "http://***@127.0.0.1:" + port + "/specs/nope.yaml?v=2&token=***&api_key=***";
    assertThat(error.path("details").path("url").asString()).isEqualTo(url);
    assertThat(error.path("message").asString()).contains(url).contains("HTTP 404");
    assertThat(error.toString())
        .doesNotContain("fetch-key-123456")
        .doesNotContain("pa55word")
        .doesNotContain("alice")
        .doesNotContain("typed-in-9876");
  }

  @Test
  void aSpecFetchThatMayWorkLaterSaysRetryable() throws IOException {
    upstream.stubFor(
        get(urlPathEqualTo("/specs/busy.yaml")).willReturn(aResponse().withStatus(503)));
    JsonNode busy = error(preview(upstream.baseUrl() + "/specs/busy.yaml", null));
    assertThat(busy.path("status").asInt()).isEqualTo(503);
    assertThat(busy.path("retryable").asBoolean()).isTrue();

    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    JsonNode refused = error(preview("http://127.0.0.1:" + closedPort + "/spec.yaml", null));
    assertThat(refused.path("code").asString()).isEqualTo("openapi_fetch_failed");
    assertThat(refused.has("status")).isFalse();
    assertThat(refused.path("retryable").asBoolean()).isTrue();
    assertThat(refused.path("message").asString())
        .contains("127.0.0.1:" + closedPort + "/spec.yaml");
  }

  @Test
  void anUnknownToolSuggestsTheClosestIds() {
    addItems("items");
    JsonNode error = error(cli.run("", "call", "items.items.lstItems", "{}"));
    assertThat(error.path("code").asString()).isEqualTo("unknown_tool");
    assertThat(error.path("details").path("suggestions").get(0).asString())
        .isEqualTo("items.items.listItems");
    assertThat(error.path("message").asString()).contains("items.items.listItems");

    JsonNode caseSlip = error(cli.run("", "call", "token.createtoken", "{}"));
    assertThat(caseSlip.path("details").path("suggestions").get(0).asString())
        .isEqualTo("token.createToken");
  }

  @Test
  void blockedToolsAreNeverSuggested() {
    addItems("items");
    cli.run("", "policies", "add", "items.items.listItems", "block");
    JsonNode error = error(cli.run("", "call", "items.items.lstItems", "{}"));
    assertThat(error.path("details").path("suggestions").toString())
        .doesNotContain("items.items.listItems");
  }

  @Test
  void callingAToolOfADamagedSourceNamesTheSourceAndTheFile() throws Exception {
    addItems("good");
    addItems("bad");
    Path badFile;
    try (var files = Files.walk(home)) {
      badFile =
          files
              .filter(p -> p.getFileName().toString().equals("bad.json"))
              .findFirst()
              .orElseThrow();
    }
    Files.writeString(badFile, "{\"truncated\": ");

    JsonNode error = error(cli.run("", "call", "bad.items.listItems", "{}"));
    assertThat(error.path("code").asString()).isEqualTo("store_failed");
    assertThat(error.path("details").path("sourceId").asString()).isEqualTo("bad");
    assertThat(error.path("details").path("file").asString()).isEqualTo(badFile.toString());
    assertThat(error.path("message").asString()).contains("'bad'").contains(badFile.toString());
    assertThat(
            cli.run("", "sources", "list").data().path("problems").get(0).path("file").asString())
        .as("the same file as sources list names")
        .isEqualTo(badFile.toString());
  }

  /** A terminal that answers from a script and records what it was asked. */
  private static final class ScriptedTerminal implements Terminal {
    final List<String> asked = new ArrayList<>();
    private final String answer;

    ScriptedTerminal(String answer) {
      this.answer = answer;
    }

    @Override
    public String ask(String prompt) {
      asked.add(prompt);
      return answer;
    }
  }

  @Test
  void theApprovalPromptAsksTheTerminalWhenThereIsOneAndAnswersApprovalRequiredOtherwise() {
    addItems("items");
    upstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201)));
    String body = "{\"body\": {\"name\": \"x\"}}";

    ScriptedTerminal yes = new ScriptedTerminal("y");
    CliRunner.Run approved =
        CliRunner.runRaw(
            () -> Optional.of(yes),
            "",
            "--home",
            home.toString(),
            "call",
            "items.items.createItem",
            body);
    assertThat(approved.exit()).as(approved.all()).isZero();
    assertThat(yes.asked)
        .singleElement()
        .asString()
        .isEqualTo(
            "Call items.items.createItem: POST " + origin(upstream.baseUrl()) + "/items? [y/N] ");
    assertThat(upstream.findAll(anyRequestedFor(anyUrl()))).hasSize(1);

    ScriptedTerminal no = new ScriptedTerminal("n");
    CliRunner.Run declined =
        CliRunner.runRaw(
            () -> Optional.of(no),
            "",
            "--home",
            home.toString(),
            "call",
            "items.items.createItem",
            body);
    assertThat(error(declined).path("code").asString()).isEqualTo("approval_declined");

    CliRunner.Run nobody =
        CliRunner.runRaw(
            Terminal.NONE, "", "--home", home.toString(), "call", "items.items.createItem", body);
    assertThat(error(nobody).path("code").asString()).isEqualTo("approval_required");
    assertThat(upstream.findAll(anyRequestedFor(anyUrl())))
        .as("only the approved call was sent")
        .hasSize(1);

    ScriptedTerminal unused = new ScriptedTerminal("y");
    CliRunner.Run withYes =
        CliRunner.runRaw(
            () -> Optional.of(unused),
            "",
            "--home",
            home.toString(),
            "call",
            "--yes",
            "items.items.createItem",
            body);
    assertThat(withYes.exit()).isZero();
    assertThat(unused.asked).as("--yes asks no one").isEmpty();
  }

  private static String origin(String url) {
    java.net.URI uri = java.net.URI.create(url);
    return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
  }

  @Test
  void aCallNamingAStoredSecretAsksWithItsDestinationAndSecretEvenForAToolThatNeedsNoApproval() {
    upstream.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        "{\"openapi\": \"3.0.0\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"paths\": {}}")));
    assertThat(cli.run("s3cr3t-value", "secrets", "set", "github_token").exit()).isZero();
    String args =
        "{\"spec\": \""
            + upstream.baseUrl()
            + "/spec.json\", \"specFetchCredentials\":"
            + " {\"headers\": {\"Authorization\": {\"secretId\": \"github_token\", \"prefix\": \"token \"}}}}";

    CliRunner.Run nobody =
        CliRunner.runRaw(
            Terminal.NONE,
            "",
            "--home",
            home.toString(),
            "--allow-private-network",
            "call",
            "openapi.previewSpec",
            args);
    assertThat(error(nobody).path("code").asString()).isEqualTo("approval_required");
    assertThat(upstream.findAll(anyRequestedFor(anyUrl()))).isEmpty();

    ScriptedTerminal no = new ScriptedTerminal("n");
    CliRunner.Run declined =
        CliRunner.runRaw(
            () -> Optional.of(no),
            "",
            "--home",
            home.toString(),
            "--allow-private-network",
            "call",
            "openapi.previewSpec",
            args);
    assertThat(error(declined).path("code").asString()).isEqualTo("approval_declined");
    assertThat(no.asked)
        .singleElement()
        .asString()
        .isEqualTo(
            "Call openapi.previewSpec: GET "
                + origin(upstream.baseUrl())
                + "/spec.json, with the stored secret github_token? [y/N] ");
    assertThat(upstream.findAll(anyRequestedFor(anyUrl()))).isEmpty();

    ScriptedTerminal yes = new ScriptedTerminal("y");
    CliRunner.Run approved =
        CliRunner.runRaw(
            () -> Optional.of(yes),
            "",
            "--home",
            home.toString(),
            "--allow-private-network",
            "call",
            "openapi.previewSpec",
            args);
    assertThat(approved.exit()).as(approved.all()).isZero();
    assertThat(approved.all()).doesNotContain("s3cr3t-value");
    assertThat(upstream.findAll(anyRequestedFor(anyUrl())))
        .singleElement()
        .satisfies(r -> assertThat(r.getHeader("Authorization")).isEqualTo("token s3cr3t-value"));
  }

  @Test
  void aSourceWithABaseUrlDescribesWhereItsCallsReallyGo() {
    String args =
        Json.write(
            Json.object()
                .put("spec", Corpus.read("httpbin.org__0.9.2.openapi.yaml"))
                .put("namespace", "httpbin")
                .put("baseUrl", upstream.baseUrl()));
    assertThat(cli.run(args, "call", "--yes", "openapi.addSource", "-").exit()).isZero();

    CliRunner.Run described = cli.run("", "tools", "describe", "httpbin.httpMethods.getGet");
    String server =
        described
            .data()
            .path("inputSchema")
            .path("properties")
            .path("server")
            .path("description")
            .asString();
    assertThat(server).contains(upstream.baseUrl()).doesNotContain("httpbin.org");
    assertThat(described.data().toString()).doesNotContain("https://httpbin.org");

    CliRunner.Run withoutBaseUrl =
        cli.run(
            Json.write(
                Json.object()
                    .put("spec", Corpus.read("httpbin.org__0.9.2.openapi.yaml"))
                    .put("namespace", "plain")),
            "call",
            "--yes",
            "openapi.addSource",
            "-");
    assertThat(withoutBaseUrl.exit()).isZero();
    assertThat(
            cli.run("", "tools", "describe", "plain.httpMethods.getGet")
                .data()
                .path("inputSchema")
                .path("properties")
                .path("server")
                .path("description")
                .asString())
        .contains("https://httpbin.org");
  }
}
