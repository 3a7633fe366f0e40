package dev.executortools.invoke;

import dev.executortools.bind.HttpRequestSpec;
import dev.executortools.bind.HttpRequestSpec.HttpHeader;
import dev.executortools.internal.HttpParsers;
import dev.executortools.invoke.SourceCredentialsInterceptor.Scope;
import java.util.Locale;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * {@link HttpRequestSpec} → OkHttp {@link Request}, tagged with the call's credentials. Refusals
 * are {@link IllegalArgumentException}s whose messages never quote a header value.
 */
final class OkHttpRequests {
  private static final Set<String> BODY_REQUIRED =
      Set.of("POST", "PUT", "PATCH", "PROPPATCH", "REPORT");

  private OkHttpRequests() {}

  static Request toRequest(HttpRequestSpec spec, SourceCredentials credentials) {
    HttpUrl url = HttpParsers.url(spec.url());
    if (url == null) throw new IllegalArgumentException("the URL is not an absolute http(s) URL");
    String method = spec.method().toUpperCase(Locale.ROOT);
    return new Request.Builder()
        .url(url)
        .headers(headers(spec))
        .method(method, body(spec, method))
        .tag(Scope.class, Scope.of(credentials, url))
        .build();
  }

  /** Checks that the source's own headers can be sent, without quoting their values. */
  static void checkCredentials(SourceCredentials credentials) {
    for (HttpHeader header : credentials.headers()) {
      checkedAdd(new Headers.Builder(), header, "source header");
    }
  }

  private static Headers headers(HttpRequestSpec spec) {
    Headers.Builder headers = new Headers.Builder();
    for (HttpHeader header : spec.headers()) checkedAdd(headers, header, "header");
    return headers.build();
  }

  private static void checkedAdd(Headers.Builder headers, HttpHeader header, String what) {
    try {
      headers.add(header.name(), header.value());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          what + " '" + safeName(header.name()) + "' has a name or value that cannot be sent");
    }
  }

  private static String safeName(String name) {
    return name.replaceAll("[^\\x21-\\x7e]", "?");
  }

  private static RequestBody body(HttpRequestSpec spec, String method) {
    MediaType type = spec.contentType() == null ? null : MediaType.parse(spec.contentType());
    if (spec.contentType() != null && type == null) {
      throw new IllegalArgumentException(
          "the content type '" + spec.contentType() + "' is not a media type");
    }
    if (spec.body() != null) return RequestBody.create(spec.body(), type);
    return BODY_REQUIRED.contains(method) ? RequestBody.create(new byte[0], type) : null;
  }
}
