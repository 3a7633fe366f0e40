package dev.executortools.mcp.http;

import com.sun.net.httpserver.HttpExchange;
import dev.executortools.internal.Json;
import dev.executortools.mcp.JsonRpcMessages;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Reads POSTed messages within bounds: one body at most {@code maxBytes} (413 past it, told by its
 * {@code Content-Length} before a byte is read), and at most twice that read by all requests at
 * once (503 when a body waits more than {@link #WAIT_SECONDS} for room), so clients cannot make the
 * server hold more than that in request bodies, whatever their number.
 */
final class RequestBodies {
  static final int WAIT_SECONDS = 30;
  private static final int KIB = 1024;

  private final int maxBytes;

  /** Room for bodies being read, in KiB. */
  private final Semaphore room;

  RequestBodies(int maxBytes) {
    this.maxBytes = maxBytes;
    this.room = new Semaphore(2 * kib(maxBytes));
  }

  /** The message POSTed, or null after answering why there is none (413, 400, 415, 503). */
  McpSchema.JSONRPCMessage read(HttpExchange exchange) throws IOException {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type != null && !type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
      Replies.error(
          exchange,
          415,
          null,
          McpSchema.ErrorCodes.INVALID_REQUEST,
          "Content-Type must be application/json");
      return null;
    }
    long declared = length(exchange.getRequestHeaders().getFirst("Content-Length"));
    if (declared > maxBytes) {
      tooLarge(exchange);
      return null;
    }
    int reserved = kib(declared >= 0 ? declared : maxBytes);
    try {
      if (!room.tryAcquire(reserved, WAIT_SECONDS, TimeUnit.SECONDS)) {
        Replies.error(
            exchange,
            503,
            null,
            McpSchema.ErrorCodes.INTERNAL_ERROR,
            "too many large requests at once: try again");
        return null;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
      return null;
    }
    try {
      byte[] body = readAtMost(exchange.getRequestBody(), maxBytes);
      if (body == null) {
        tooLarge(exchange);
        return null;
      }
      return parse(exchange, body);
    } finally {
      room.release(reserved);
    }
  }

  /** The message, or null after answering 400 with the JSON-RPC error stdio would answer. */
  private static McpSchema.JSONRPCMessage parse(HttpExchange exchange, byte[] body)
      throws IOException {
    JsonRpcMessages.Inbound inbound = JsonRpcMessages.read(body, body.length);
    if (inbound.error() != null) {
      Replies.json(exchange, 400, Json.write(inbound.error()));
      return null;
    }
    return inbound.message();
  }

  private void tooLarge(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Connection", "close");
    Replies.error(
        exchange,
        413,
        null,
        McpSchema.ErrorCodes.INVALID_REQUEST,
        "message larger than " + maxBytes + " bytes");
  }

  /** The stream's bytes, or null when there are more than {@code limit}. */
  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 64 * KIB));
    byte[] buffer = new byte[64 * KIB];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      if (out.size() + n > limit) return null;
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static long length(String header) {
    if (header == null) return -1;
    try {
      return Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static int kib(long bytes) {
    return (int) Math.max(1, (bytes + KIB - 1) / KIB);
  }
}
