package dev.executortools.invoke;

import java.io.IOException;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A client that sets up TLS only when a request needs it: safe requests ({@code GET}, {@code HEAD},
 * {@code OPTIONS}) to {@code http} URLs go through a cleartext-only client, everything else through
 * the full one, made on first use (OkHttp loads the platform's trust store when it builds a client
 * that can speak TLS, which is most of a short command's HTTP set-up). A safe request redirected
 * from {@code http} to {@code https} is sent again through the full client, which follows the
 * redirect: safe methods change nothing, so sending one twice is harmless.
 */
final class ClientPair {
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  /**
   * Cleartext only, not following redirects to https; null when every request uses {@link #full}.
   */
  private final OkHttpClient cleartext;

  private final Supplier<OkHttpClient> full;
  private volatile OkHttpClient made;

  ClientPair(OkHttpClient cleartext, Supplier<OkHttpClient> full) {
    this.cleartext = cleartext;
    this.full = full;
  }

  /** The client for every request, TLS included (made now if it was not yet). */
  OkHttpClient full() {
    OkHttpClient client = made;
    if (client == null) {
      synchronized (this) {
        client = made;
        if (client == null) made = client = full.get();
      }
    }
    return client;
  }

  /** Closes the idle connections of the pool both clients share, making no client to do so. */
  void evictIdle() {
    OkHttpClient client = cleartext != null ? cleartext : made;
    if (client != null) client.connectionPool().evictAll();
  }

  Response execute(Request request) throws IOException {
    if (cleartext == null || request.isHttps() || !SAFE.contains(request.method())) {
      return full().newCall(request).execute();
    }
    Response response = cleartext.newCall(request).execute();
    if (!response.isRedirect()) return response;
    String location = response.header("Location");
    HttpUrl next = location == null ? null : response.request().url().resolve(location);
    if (next == null || !next.isHttps()) return response;
    response.close();
    return full().newCall(request).execute();
  }
}
