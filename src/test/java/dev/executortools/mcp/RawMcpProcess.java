package dev.executortools.mcp;

import dev.executortools.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code java -jar target/executor-tools.jar mcp} driven with raw lines on its stdin, as a client
 * that may send anything (the SDK's clients refuse to send malformed messages), with every line it
 * writes on stdout kept as JSON in arrival order.
 */
final class RawMcpProcess implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final OutputStream stdin;
  private final BlockingQueue<JsonNode> arrived = new LinkedBlockingQueue<>();

  /** Messages read while waiting for another, not yet taken. */
  private final List<JsonNode> held = new ArrayList<>();

  RawMcpProcess(Path home, Map<String, String> env, List<String> globalArgs, String... mcpArgs)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                McpJarClient.JAR.toString(),
                "--home",
                home.toString()));
    command.addAll(globalArgs);
    command.add("mcp");
    command.addAll(List.of(mcpArgs));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().putAll(env);
    process = builder.start();
    stdin = process.getOutputStream();
    Thread reader = new Thread(() -> readLines(process.getInputStream()), "raw-mcp-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  RawMcpProcess(Path home, String... mcpArgs) throws IOException {
    this(home, Map.of(), List.of(), mcpArgs);
  }

  private void readLines(InputStream in) {
    try (var lines =
        new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine())
        arrived.add(Json.parse(line));
    } catch (IOException e) {
      // the process ended
    }
  }

  /** Writes {@code line} and a newline. */
  void send(String line) throws IOException {
    send(line.getBytes(StandardCharsets.UTF_8));
  }

  void send(byte[] line) throws IOException {
    stdin.write(line);
    stdin.write('\n');
    stdin.flush();
  }

  void send(JsonNode message) throws IOException {
    send(Json.write(message));
  }

  static ObjectNode request(Object id, String method, JsonNode params) {
    ObjectNode message = Json.object().put("jsonrpc", "2.0");
    message.set("id", Json.MAPPER.valueToTree(id));
    message.put("method", method);
    if (params != null) message.set("params", params);
    return message;
  }

  /** Sends a request and waits for its response. */
  JsonNode call(Object id, String method, JsonNode params) throws Exception {
    send(request(id, method, params));
    return responseTo(id);
  }

  /** Initializes the session with these client capabilities. */
  JsonNode initialize(String capabilities) throws Exception {
    JsonNode result =
        call(
            "init",
            "initialize",
            Json.parse(
                "{\"protocolVersion\": \"2025-06-18\", \"capabilities\": "
                    + capabilities
                    + ", \"clientInfo\": {\"name\": \"raw\", \"version\": \"1\"}}"));
    send("{\"jsonrpc\": \"2.0\", \"method\": \"notifications/initialized\"}");
    return result;
  }

  /** A ping that is answered: the session still reads and answers. */
  void assertAnswersPing(Object id) throws Exception {
    JsonNode pong = call(id, "ping", null);
    if (!pong.has("result")) throw new AssertionError("ping " + id + " was answered " + pong);
  }

  /** The response with this id (a number id matches its number). */
  JsonNode responseTo(Object id) throws Exception {
    JsonNode wanted = Json.MAPPER.valueToTree(id);
    return next(
        m -> !m.has("method") && m.path("id").equals(wanted), TIMEOUT, "the response to " + id);
  }

  /** The next request the server sends with {@code method}. */
  JsonNode serverRequest(String method) throws Exception {
    return next(
        m -> method.equals(m.path("method").asString()) && m.has("id"),
        TIMEOUT,
        "a " + method + " request");
  }

  /** Whether a message {@code matching} arrives within {@code wait} (taken when it does). */
  boolean arrives(java.util.function.Predicate<JsonNode> matching, Duration wait)
      throws InterruptedException {
    try {
      next(matching, wait, "");
      return true;
    } catch (AssertionError e) {
      return false;
    }
  }

  private synchronized JsonNode next(
      java.util.function.Predicate<JsonNode> matching, Duration wait, String what)
      throws InterruptedException {
    for (Iterator<JsonNode> it = held.iterator(); it.hasNext(); ) {
      JsonNode message = it.next();
      if (matching.test(message)) {
        it.remove();
        return message;
      }
    }
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode message = arrived.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (message == null) break;
      if (matching.test(message)) return message;
      held.add(message);
    }
    throw new AssertionError("no " + what + " within " + wait + "; other messages: " + held);
  }

  /** Closes stdin and waits up to {@code wait} for the process to end; its exit code, or null. */
  Integer closeInputAndAwaitExit(Duration wait) throws Exception {
    stdin.close();
    return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
