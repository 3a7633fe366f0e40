package dev.executortools.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Runs the everyday commands once on a throw-away home, so that a JVM started with {@code
 * -XX:DumpLoadedClassList} lists every class they load: {@code bin/executor-tools} builds its
 * class-data-sharing archive from that list. The tool it calls answers from a loopback socket, so
 * that a call's whole way (connection, response, result) is in the archive. Prints nothing; the
 * exit code is 0 when every step ran.
 */
public final class Warmup {
  private static final String SPEC =
      """
      {"openapi": "3.0.3", "info": {"title": "warm", "version": "1"},
       "servers": [{"url": "http://127.0.0.1:PORT"}],
       "paths": {"/items/{id}": {"get": {"operationId": "getItem", "tags": ["items"],
         "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
                        {"name": "q", "in": "query", "schema": {"type": "integer"}}],
         "responses": {"200": {"description": "ok", "content": {"application/json":
           {"schema": {"$ref": "#/components/schemas/Item"}}}}}}}},
       "components": {"schemas": {"Item": {"type": "object", "properties": {"id": {"type": "string"}}}}}}
      """;

  private Warmup() {}

  public static void main(String[] args) throws IOException {
    ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    Path home = Files.createTempDirectory("executor-tools-warmup");
    Thread answering = new Thread(() -> answer(server), "warmup-server");
    answering.setDaemon(true);
    answering.start();
    String spec = SPEC.replace("PORT", Integer.toString(server.getLocalPort()));
    PrintStream out = System.out;
    PrintStream err = System.err;
    PrintStream none = new PrintStream(OutputStream.nullOutputStream());
    System.setOut(none);
    System.setErr(none);
    try {
      Preloader.start("call");
      String h = home.toString();
      Main.run("--home", h, "tools", "list");
      Main.run(
          "--home",
          h,
          "call",
          "--yes",
          "openapi.addSource",
          "{\"namespace\": \"warm\", \"spec\": " + com(spec) + "}");
      Main.run("--home", h, "tools", "list", "--schemas");
      Main.run("--home", h, "tools", "describe", "warm.items.getItem");
      Main.run("--home", h, "sources", "list");
      Main.run("--home", h, "tools", "search", "get an item");
      Main.run("--home", h, "call", "warm.items.getItem", "{\"id\": \"a/b\", \"q\": 1}");
      Main.run("--home", h, "call", "warm.items.getItem", "{\"q\": \"x\"}");
    } finally {
      server.close();
      System.setOut(out);
      System.setErr(err);
      try (Stream<Path> files = Files.walk(home)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Answers every request on {@code server} with a small JSON body, until the socket is closed. */
  private static void answer(ServerSocket server) {
    byte[] body = "{\"id\": \"a/b\"}".getBytes(StandardCharsets.UTF_8);
    byte[] head =
        ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        InputStream in = socket.getInputStream();
        int endOfHead = 0; // a request's head ends with a blank line: four characters CR LF CR LF
        for (int b = 0; b >= 0 && endOfHead < 4; ) {
          b = in.read();
          endOfHead = b == '\r' || b == '\n' ? endOfHead + 1 : 0;
        }
        OutputStream reply = socket.getOutputStream();
        reply.write(head);
        reply.write(body);
        reply.flush();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private static String com(String text) {
    return dev.executortools.internal.Json.MAPPER.writeValueAsString(text);
  }
}
