package dev.executortools.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A loopback HTTP server answering every request with the same small JSON body. */
final class Loopback implements AutoCloseable {
  static final byte[] BODY =
      "{\"id\":1,\"name\":\"Hello-World\",\"full_name\":\"octocat/Hello-World\",\"private\":false}"
          .getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService pool;

  private Loopback(HttpServer server, ExecutorService pool) {
    this.server = server;
    this.pool = pool;
  }

  static Loopback start() throws IOException {
    // without it, the JDK server's separate header and body writes meet delayed ACKs: 40 ms stalls
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
          exchange.sendResponseHeaders(200, BODY.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(BODY);
          }
        });
    ExecutorService pool = Executors.newFixedThreadPool(16);
    server.setExecutor(pool);
    server.start();
    return new Loopback(server, pool);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
