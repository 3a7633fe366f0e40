package dev.executortools.net;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;

/**
 * A network interceptor for every hop of a redirect. A hop to another origin (scheme, host, port)
 * than the call's first request goes without any header that request carried (spec-fetch
 * credentials such as {@code X-Api-Key} or {@code Cookie}, not only the {@code Authorization} that
 * OkHttp drops itself); a hop from https down to http is refused.
 */
public final class RedirectGuardInterceptor implements Interceptor {

  @Override
  public okhttp3.Response intercept(Chain chain) throws IOException {
    Request first = chain.call().request();
    Request hop = chain.request();
    if (sameOrigin(first.url(), hop.url())) return chain.proceed(hop);
    if (first.url().isHttps() && !hop.url().isHttps()) {
      throw new RefusedRedirectException(
          "a redirect from https to http (" + hop.url().host() + ") was refused");
    }
    Request.Builder stripped = hop.newBuilder();
    first.headers().names().forEach(stripped::removeHeader);
    return chain.proceed(stripped.build());
  }

  static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
  }

  /**
   * A redirect this interceptor refused; nothing was sent to its target. A protocol error, so
   * OkHttp does not try the hop again.
   */
  public static final class RefusedRedirectException extends java.net.ProtocolException {
    public RefusedRedirectException(String message) {
      super(message);
    }
  }
}
