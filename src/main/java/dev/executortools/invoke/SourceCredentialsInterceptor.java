package dev.executortools.invoke;

import dev.executortools.bind.HttpRequestSpec.HttpHeader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds a source's headers and query parameters to each request, replacing values of the same name
 * the tool arguments may have set. It runs as a network interceptor, so it sees every hop of a
 * redirect, and it adds credentials only to hops that stay on the origin of the first request
 * (scheme, host and port): a redirect elsewhere never carries the source's secrets. A call's {@link
 * RequestSigner} signs the request last, over the headers as OkHttp sends them.
 *
 * <p>Which credentials apply is carried by the request itself, in a {@link Scope} tag, so one
 * client serves every source.
 */
final class SourceCredentialsInterceptor implements Interceptor {

  /** The credentials of one call and the origin they belong to. */
  record Scope(SourceCredentials credentials, String scheme, String host, int port) {

    static Scope of(SourceCredentials credentials, HttpUrl url) {
      return new Scope(credentials, url.scheme(), url.host(), url.port());
    }

    boolean covers(HttpUrl url) {
      return url.scheme().equals(scheme) && url.host().equals(host) && url.port() == port;
    }
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Scope scope = request.tag(Scope.class);
    if (scope == null || scope.credentials().isEmpty() || !scope.covers(request.url())) {
      return chain.proceed(request);
    }
    Request withCredentials = withCredentials(request, scope.credentials());
    RequestSigner signer = scope.credentials().signer();
    return chain.proceed(signer == null ? withCredentials : signer.sign(withCredentials));
  }

  static Request withCredentials(Request request, SourceCredentials credentials) {
    HttpUrl.Builder url = request.url().newBuilder();
    for (Map.Entry<String, String> param : credentials.queryParams().entrySet()) {
      url.setQueryParameter(param.getKey(), param.getValue());
    }
    Request.Builder builder = request.newBuilder().url(url.build());
    Set<String> names = new LinkedHashSet<>();
    credentials.headers().forEach(header -> names.add(header.name()));
    names.forEach(builder::removeHeader);
    for (HttpHeader header : credentials.headers()) {
      builder.addHeader(header.name(), header.value());
    }
    if (!credentials.cookies().isEmpty()) {
      builder.header("Cookie", withCookies(request.headers("Cookie"), credentials.cookies()));
    }
    return builder.build();
  }

  /** The request's cookies but those the credentials set, then the credentials' cookies. */
  private static String withCookies(List<String> headers, Map<String, String> cookies) {
    List<String> pairs = new ArrayList<>();
    for (String header : headers) {
      for (String pair : header.split(";")) {
        String trimmed = pair.strip();
        int eq = trimmed.indexOf('=');
        String name = eq < 0 ? trimmed : trimmed.substring(0, eq);
        if (!trimmed.isEmpty() && !cookies.containsKey(name)) pairs.add(trimmed);
      }
    }
    cookies.forEach((name, value) -> pairs.add(name + "=" + value));
    return String.join("; ", pairs);
  }
}
