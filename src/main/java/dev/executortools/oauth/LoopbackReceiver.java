package dev.executortools.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.executortools.oauth.OAuthException.Kind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The redirect receiver of a native app (RFC 8252 §7.3): {@code http://127.0.0.1:<free
 * port>/callback}, listening on 127.0.0.1 only. It takes exactly one GET of {@code /callback}
 * (anything else, and any later request, is a 404), answers the browser with a short page, and
 * hands the request's URI to the flow; closing it stops listening.
 */
final class LoopbackReceiver implements AutoCloseable {
  static final String PATH = "/callback";

  /** What the flow made of the callback: the page's message and whether it succeeded. */
  record Verdict(boolean ok, String message) {}

  private final HttpServer server;
  private final CompletableFuture<URI> callback = new CompletableFuture<>();
  private final AtomicBoolean taken = new AtomicBoolean();
  private final Function<URI, Verdict> judge;

  private LoopbackReceiver(HttpServer server, Function<URI, Verdict> judge) {
    this.server = server;
    this.judge = judge;
  }

  /**
   * Listens on a free loopback port; {@code judge} says, on the receiver's thread, what the page
   * tells the browser about the callback: fixed text, as it goes into HTML unescaped.
   */
  static LoopbackReceiver start(Function<URI, Verdict> judge) throws OAuthException {
    HttpServer server;
    try {
      InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
      server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
    } catch (IOException e) {
      throw new OAuthException(
          Kind.NETWORK, "no loopback port is free for the sign-in redirect: " + e.getMessage());
    }
    LoopbackReceiver receiver = new LoopbackReceiver(server, judge);
    server.createContext("/", receiver::handle);
    server.start();
    return receiver;
  }

  URI redirectUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
  }

  /** The one callback's absolute URI, once the browser brought it. */
  URI await(Duration timeout) throws OAuthException {
    try {
      return callback.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new OAuthException(
          Kind.TIMEOUT,
          "the sign-in was not completed within "
              + timeout.toSeconds()
              + " s (no redirect came back to "
              + redirectUri()
              + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OAuthException(Kind.TIMEOUT, "the sign-in was interrupted");
    } catch (ExecutionException e) {
      throw new OAuthException(Kind.PROTOCOL, "the sign-in redirect could not be read");
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = redirectUri().resolve(exchange.getRequestURI());
      boolean isCallback =
          exchange.getRequestMethod().equals("GET") && PATH.equals(uri.getRawPath());
      if (!isCallback || !taken.compareAndSet(false, true)) {
        answer(exchange, 404, "Not found.");
        return;
      }
      try {
        Verdict verdict = judge.apply(uri);
        answer(exchange, verdict.ok() ? 200 : 400, verdict.message());
        callback.complete(uri);
      } catch (RuntimeException | IOException e) {
        callback.completeExceptionally(e);
        throw e;
      }
    }
  }

  private static void answer(HttpExchange exchange, int status, String message) throws IOException {
    byte[] page =
        ("<!doctype html><html><head><meta charset=\"utf-8\"><title>Sign-in</title></head>"
                + "<body><p>"
                + message
                + "</p></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.getResponseHeaders().set("Connection", "close");
    exchange.sendResponseHeaders(status, page.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(page);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
