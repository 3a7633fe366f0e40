package dev.executortools;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.executortools.internal.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code trustedOrigins}: stored with the source and honoured on every call, after a restart and
 * after a refresh; only exact origins are accepted. The spec's own server is 127.0.0.1, the listed
 * origin 127.0.0.2 (both loopback, each its own listener).
 */
class TrustedOriginsOnTheWireTest {
  private static final String SECRET = "key-0123456789";
  private final List<String> atListed = new CopyOnWriteArrayList<>();
  private HttpServer specServer;
  private HttpServer listed;

  @TempDir Path home;

  @BeforeEach
  void start() throws IOException {
    specServer = server(InetAddress.getLoopbackAddress(), new CopyOnWriteArrayList<>());
    listed = server(InetAddress.getByName("127.0.0.2"), atListed);
  }

  @AfterEach
  void stop() {
    specServer.stop(0);
    listed.stop(0);
  }

  private static HttpServer server(InetAddress address, List<String> seen) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            seen.add(
                exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("X-Key"));
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
        });
    server.start();
    return server;
  }

  private String listedOrigin() {
    return "http://127.0.0.2:" + listed.getAddress().getPort();
  }

  private ObjectNode addArgs(String... trusted) {
    String spec =
        "{\"openapi\": \"3.0.0\", \"info\": {\"title\": \"t\", \"version\": \"1\"},"
            + " \"servers\": [{\"url\": \"http://127.0.0.1:"
            + specServer.getAddress().getPort()
            + "\"}],"
            + " \"paths\": {\"/pets\": {\"get\": {\"operationId\": \"listPets\","
            + " \"responses\": {\"200\": {\"description\": \"ok\"}}}}}}";
    ObjectNode args = Json.object().put("spec", spec).put("namespace", "pets");
    args.putObject("headers").put("X-Key", SECRET);
    for (String origin : trusted) args.withArray("trustedOrigins").add(origin);
    return args;
  }

  private ToolResult callThroughListed(ToolRegistry registry) {
    ObjectNode args = Json.object();
    args.putObject("server").put("url", listedOrigin());
    return registry.call("pets.pets.listPets", args);
  }

  @Test
  void theSourcesCredentialsReachAListedOriginThroughAPerCallServerAfterARestartAndARefresh() {
    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      assertThat(registry.addSource(addArgs(listedOrigin())).ok()).isTrue();
      assertThat(callThroughListed(registry).ok()).isTrue();
      assertThat(registry.sources().get(0).trustedOrigins()).containsExactly(listedOrigin());
    }
    try (ToolRegistry restarted = ToolRegistry.builder().home(home).build()) {
      assertThat(callThroughListed(restarted).ok()).isTrue();
      assertThat(restarted.refreshSource("pets").ok()).isTrue();
      assertThat(callThroughListed(restarted).ok()).isTrue();
    }
    assertThat(atListed).hasSize(3).allMatch(seen -> seen.equals("/pets " + SECRET));
  }

  @Test
  void anOriginNotListedGetsNoCredentials() {
    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      assertThat(registry.addSource(addArgs()).ok()).isTrue();
      ToolResult result = callThroughListed(registry);

      assertThat(result.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENTS);
      assertThat(result.error().details().path("errors").get(0).path("path").asString())
          .isEqualTo("/server");
    }
    assertThat(atListed).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://*",
        "https://*.example.com",
        "http://127.0.0.2:*",
        "https://uploads.example.com/v1",
        "https://user@uploads.example.com"
      })
  void anythingButAnExactOriginIsRefusedWhenTheSourceIsAdded(String entry) {
    try (ToolRegistry registry =
        ToolRegistry.builder().home(home).approvals(ApprovalHandler.APPROVE_ALL).build()) {
      ToolResult result = registry.call("openapi.addSource", addArgs(entry));

      assertThat(result.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENTS);
      assertThat(result.error().message()).contains("exact origin").doesNotContain(SECRET);
      assertThat(registry.sources()).isEmpty();
    }
  }
}
