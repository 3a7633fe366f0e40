package dev.executortools.mcp.http;

import com.sun.net.httpserver.HttpExchange;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP response that carries MCP messages to a client. A POSTed request's response answers as
 * one JSON body, unless a message must go first (an approval question while no GET stream is open):
 * then it becomes a stream of server-sent events ending with the answer. A GET opens a stream of
 * events from the start. Writes are one at a time; one that fails ends the response.
 */
final class ResponseStream {
  private enum State {
    WAITING,
    EVENTS,
    DONE
  }

  private final HttpExchange exchange;
  private final McpJsonMapper json;
  private State state = State.WAITING;
  private OutputStream events;

  private ResponseStream(HttpExchange exchange, McpJsonMapper json) {
    this.exchange = exchange;
    this.json = json;
  }

  /** The answer to a POSTed request, still to be written. */
  static ResponseStream answer(HttpExchange exchange, McpJsonMapper json) {
    return new ResponseStream(exchange, json);
  }

  /** A GET's stream of events, opened now. */
  static ResponseStream events(HttpExchange exchange, McpJsonMapper json) throws IOException {
    ResponseStream stream = new ResponseStream(exchange, json);
    synchronized (stream) {
      stream.startEvents();
    }
    return stream;
  }

  /** Sends {@code message} as an event; false when this response has ended. */
  synchronized boolean event(McpSchema.JSONRPCMessage message) {
    if (state == State.DONE) return false;
    try {
      if (state == State.WAITING) startEvents();
      write("event: message\ndata: " + json.writeValueAsString(message) + "\n\n");
      return true;
    } catch (IOException e) {
      end();
      return false;
    }
  }

  /** Sends the response this was waiting for and ends. */
  synchronized void answer(McpSchema.JSONRPCResponse response) {
    if (state == State.WAITING) {
      try {
        Replies.json(exchange, 200, json.writeValueAsString(response));
      } catch (IOException e) {
        // the client went away
      }
      state = State.DONE;
      exchange.close();
    } else if (event(response)) {
      end();
    }
  }

  /** Ends with {@code status} and {@code error} if nothing was sent yet, else just ends. */
  synchronized void fail(int status, McpSchema.JSONRPCResponse error) {
    if (state == State.WAITING) answerWith(status, error);
    end();
  }

  /**
   * A comment line that keeps an event stream open; false when it has ended (its client is gone).
   */
  synchronized boolean ping() {
    if (state != State.EVENTS) return state != State.DONE;
    try {
      write(": ping\n\n");
      return true;
    } catch (IOException e) {
      end();
      return false;
    }
  }

  synchronized boolean open() {
    return state != State.DONE;
  }

  synchronized void end() {
    if (state == State.DONE) return;
    state = State.DONE;
    exchange.close();
  }

  private void answerWith(int status, McpSchema.JSONRPCResponse error) {
    try {
      Replies.json(exchange, status, json.writeValueAsString(error));
    } catch (IOException e) {
      // the client went away
    }
  }

  private void startEvents() throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    events = exchange.getResponseBody();
    state = State.EVENTS;
  }

  private void write(String text) throws IOException {
    events.write(text.getBytes(StandardCharsets.UTF_8));
    events.flush();
  }
}
