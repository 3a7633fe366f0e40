package dev.executortools.bench;

import dev.executortools.internal.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An MCP client on the wire: starts an {@code executor-tools mcp} process and speaks
 * newline-delimited JSON-RPC to it (initialize, every page of {@code tools/list}, a {@code
 * search_tools} call when listed), then closes its stdin and waits for it to exit, so the figures
 * include the server's exit status and its last message on stderr.
 */
public final class McpProbe {
  private final Process process;
  private final OutputStream in;
  private final BufferedReader out;
  private final List<String> stderr = new ArrayList<>();
  private int nextId = 1;
  private String lastName;

  private McpProbe(Process process) {
    this.process = process;
    this.in = process.getOutputStream();
    this.out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    Thread drain =
        new Thread(
            () -> {
              try (BufferedReader err =
                  new BufferedReader(
                      new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                  synchronized (stderr) {
                    stderr.add(line);
                  }
                }
              } catch (IOException e) {
                // the process is gone
              }
            });
    drain.setDaemon(true);
    drain.start();
  }

  /**
   * {@code java HEAP -jar JAR --home HOME mcp --tools MODE}, run as {@link #run(List, String)} runs
   * it.
   */
  static ObjectNode run(String heap, Path jar, Path home, String mode, String query)
      throws Exception {
    return run(
        List.of(
            java(),
            heap,
            "-jar",
            jar.toString(),
            "--home",
            home.toString(),
            "mcp",
            "--tools",
            mode),
        query);
  }

  /**
   * Runs the whole session with the server {@code command} starts; {@code query} (may be null) goes
   * to search_tools when it is listed. Answers {@code tools}, {@code pages}, {@code complete},
   * {@code top} (search's first id), {@code list_after_initialize_ms} and {@code
   * search_after_initialize_ms} (from the initialize answer to the end of the listing and to the
   * search's answer), {@code ms}, {@code exit}, {@code stderr} (its last line) and, when the
   * session failed, {@code error}.
   */
  public static ObjectNode run(List<String> command, String query) throws Exception {
    return run(command, query, null);
  }

  /**
   * As {@link #run(List, String)}, then, when {@code lastToolArguments} is given, calls the last
   * tool listed with them: answers also {@code called} (its name), {@code call_is_error} and {@code
   * call_text} (the result's text).
   */
  public static ObjectNode run(List<String> command, String query, JsonNode lastToolArguments)
      throws Exception {
    long start = System.nanoTime();
    McpProbe probe = new McpProbe(new ProcessBuilder(command).start());
    ObjectNode result = Json.object();
    try {
      probe.session(query, result);
      if (lastToolArguments != null) probe.callLast(lastToolArguments, result);
    } catch (IOException | RuntimeException e) {
      result.put("error", String.valueOf(e.getMessage()));
    }
    probe.in.close();
    boolean ended = probe.process.waitFor(2, TimeUnit.MINUTES);
    if (!ended) probe.process.destroyForcibly().waitFor();
    result.put("ms", (System.nanoTime() - start) / 1e6);
    result.put("exit", ended ? probe.process.exitValue() : -1);
    synchronized (probe.stderr) {
      result.put("stderr", probe.stderr.isEmpty() ? "" : probe.stderr.get(probe.stderr.size() - 1));
    }
    return result;
  }

  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private void session(String query, ObjectNode result) throws IOException {
    request(
        "initialize",
        Json.parse(
            "{\"protocolVersion\": \"2025-06-18\", \"capabilities\": {},"
                + " \"clientInfo\": {\"name\": \"bench\", \"version\": \"1\"}}"));
    send(Json.object().put("jsonrpc", "2.0").put("method", "notifications/initialized"));
    long initialized = System.nanoTime();
    int tools = 0;
    int pages = 0;
    boolean search = false;
    String cursor = null;
    do {
      ObjectNode params = Json.object();
      if (cursor != null) params.put("cursor", cursor);
      JsonNode page = request("tools/list", params);
      pages++;
      for (JsonNode tool : page.path("tools")) {
        tools++;
        lastName = tool.path("name").asString();
        search |= tool.path("name").asString().equals("search_tools");
      }
      cursor = page.path("nextCursor").isString() ? page.path("nextCursor").asString() : null;
    } while (cursor != null);
    result.put("tools", tools).put("pages", pages).put("complete", true);
    result.put("list_after_initialize_ms", (System.nanoTime() - initialized) / 1e6);
    if (search && query != null) {
      ObjectNode call = Json.object().put("name", "search_tools");
      call.putObject("arguments").put("query", query).put("limit", 5);
      JsonNode answer = request("tools/call", call);
      result.put("search_after_initialize_ms", (System.nanoTime() - initialized) / 1e6);
      JsonNode hits = answer.path("structuredContent").path("data");
      result.put("search_ok", !answer.path("isError").asBoolean(false));
      result.put("top", hits.path(0).path("id").asString(""));
      if (answer.path("isError").asBoolean(false))
        result.put("search_error", answer.path("content").path(0).path("text").asString(""));
    }
  }

  private void callLast(JsonNode arguments, ObjectNode result) throws IOException {
    ObjectNode call = Json.object().put("name", lastName);
    call.set("arguments", arguments);
    JsonNode answer = request("tools/call", call);
    result
        .put("called", lastName)
        .put("call_is_error", answer.path("isError").asBoolean(false))
        .put("call_text", answer.path("content").path(0).path("text").asString(""));
  }

  /** Sends a request and answers its result, passing over notifications; fails on an error. */
  private JsonNode request(String method, JsonNode params) throws IOException {
    int id = nextId++;
    ObjectNode message = Json.object().put("jsonrpc", "2.0").put("id", id).put("method", method);
    message.set("params", params);
    send(message);
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      JsonNode reply = Json.parse(line);
      if (reply.path("id").asInt(-1) != id) continue;
      if (reply.has("error")) throw new IOException(method + ": " + reply.get("error"));
      return reply.path("result");
    }
    throw new IOException(method + ": the server closed its output");
  }

  private void send(JsonNode message) throws IOException {
    in.write((Json.write(message) + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }
}
