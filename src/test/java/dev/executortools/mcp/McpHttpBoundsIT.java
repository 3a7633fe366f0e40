package dev.executortools.mcp;

import static dev.executortools.mcp.McpHttpServerIT.INITIALIZE;
import static dev.executortools.mcp.McpHttpServerIT.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What keeps {@code mcp --http} within bounds whatever clients send: sessions are limited in number
 * and end when unused, a body past the message limit is refused before it is read, and a message
 * that is not one answers a JSON-RPC error with an HTTP status, never a hang.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class McpHttpBoundsIT {
  @TempDir Path home;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void sessionsAreBoundedEndOnDeleteAndExpireWhenIdle() throws Exception {
    try (McpHttpJar server =
        new McpHttpJar(
            home,
            Map.of(),
            "--http",
            "127.0.0.1:0",
            "--http-max-sessions",
            "2",
            "--http-session-idle",
            "5")) {
      String a = initialize(server, 200);
      String b = initialize(server, 200);
      assertThat(a).isNotEqualTo(b).matches("[0-9a-f]{48}");

      HttpResponse<String> third = post(server, null, INITIALIZE);
      assertThat(third.statusCode()).isEqualTo(503);
      assertThat(third.body()).contains("--http-max-sessions");

      HttpResponse<String> deleted =
          http.send(
              request(server.endpoint, null, null).header("Mcp-Session-Id", a).DELETE().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(deleted.statusCode()).isEqualTo(204);
      assertThat(post(server, a, LIST).statusCode()).as("a deleted session is gone").isEqualTo(404);
      String c = initialize(server, 200);

      Thread.sleep(11_000); // twice the idle time, and more: b and c expire
      HttpResponse<String> expired = post(server, c, LIST);
      assertThat(expired.statusCode()).isEqualTo(404);
      assertThat(expired.body()).contains("\"id\":2").contains("initialize a new one");
      assertThat(post(server, b, LIST).statusCode()).isEqualTo(404);
      initialize(server, 200);
      initialize(server, 200);
    }
  }

  @Test
  void oversizedOrMalformedMessagesAreRefusedWithAStatusAndAJsonRpcError() throws Exception {
    try (McpHttpJar server = new McpHttpJar(home, Map.of(), "--http", "127.0.0.1:0")) {
      // a body past the limit is refused from its Content-Length, before any of it is sent
      try (Socket socket = new Socket(server.endpoint.getHost(), server.endpoint.getPort())) {
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        out.write(
            ("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: "
                    + (200L << 20)
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
        assertThat(head).isEqualTo("HTTP/1.1 413");
      }

      HttpResponse<String> garbage = post(server, null, "{\"jsonrpc\": \"2.0\", \"id\": 1,");
      assertThat(garbage.statusCode()).isEqualTo(400);
      assertThat(garbage.body()).contains("\"code\":-32700");

      HttpResponse<String> batch = post(server, null, "[" + INITIALIZE + "]");
      assertThat(batch.statusCode()).isEqualTo(400);
      assertThat(batch.body()).contains("batches are not supported");

      HttpResponse<String> noSession = post(server, null, LIST);
      assertThat(noSession.statusCode()).isEqualTo(400);
      assertThat(noSession.body()).contains("Mcp-Session-Id is required");

      String session = initialize(server, 200);
      HttpResponse<String> again = post(server, session, INITIALIZE);
      assertThat(again.statusCode()).isEqualTo(400);
      assertThat(again.body()).contains("without Mcp-Session-Id");

      HttpResponse<String> oldVersion =
          http.send(
              request(server.endpoint, null, null)
                  .header("Mcp-Session-Id", session)
                  .header("MCP-Protocol-Version", "2020-01-01")
                  .POST(HttpRequest.BodyPublishers.ofString(LIST))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(oldVersion.statusCode()).isEqualTo(400);
      assertThat(oldVersion.body()).contains("unsupported MCP-Protocol-Version");

      HttpResponse<String> put =
          http.send(
              request(server.endpoint, null, null)
                  .PUT(HttpRequest.BodyPublishers.ofString(LIST))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(put.statusCode()).isEqualTo(405);
      assertThat(put.headers().firstValue("Allow")).hasValue("GET, POST, DELETE");
    }
  }

  private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

  /** A new session's id, after checking the status of its initialize. */
  private String initialize(McpHttpJar server, int status) throws Exception {
    HttpResponse<String> response = post(server, null, INITIALIZE);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.body()).contains("\"protocolVersion\":\"2025-06-18\"");
    return response.headers().firstValue("Mcp-Session-Id").orElseThrow();
  }

  private HttpResponse<String> post(McpHttpJar server, String session, String body)
      throws Exception {
    HttpRequest.Builder builder =
        request(server.endpoint, null, null).POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) builder.header("Mcp-Session-Id", session);
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }
}
