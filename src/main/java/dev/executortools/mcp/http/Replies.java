package dev.executortools.mcp.http;

import com.sun.net.httpserver.HttpExchange;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Whole HTTP replies: a JSON body, a JSON-RPC error, or a status alone. */
final class Replies {
  private Replies() {}

  /** {@code status} with {@code body} as {@code application/json}; the exchange is closed. */
  static void json(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** {@code status} with a JSON-RPC error response for {@code id} (null when unknown). */
  static void error(HttpExchange exchange, int status, Object id, int code, String message)
      throws IOException {
    Map<String, Object> response =
        new LinkedHashMap<>(); // the SDK's response record takes no null id
    response.put("jsonrpc", McpSchema.JSONRPC_VERSION);
    response.put("id", id);
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    response.put("error", error);
    json(exchange, status, McpJsonDefaults.getMapper().writeValueAsString(response));
  }

  /** {@code status} without a body; the exchange is closed. */
  static void status(HttpExchange exchange, int status) throws IOException {
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  /** The JSON-RPC error response for {@code id}. */
  static McpSchema.JSONRPCResponse errorResponse(Object id, int code, String message) {
    return McpSchema.JSONRPCResponse.error(
        id, new McpSchema.JSONRPCResponse.JSONRPCError(code, message));
  }
}
