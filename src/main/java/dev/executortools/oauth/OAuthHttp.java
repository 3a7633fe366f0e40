package dev.executortools.oauth;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import dev.executortools.internal.HttpParsers;
import dev.executortools.internal.Limits;
import dev.executortools.oauth.OAuthException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSink;
import okio.BufferedSource;

/**
 * Sends the Nimbus SDK's requests with the caller's OkHttp client (its network policy, timeouts and
 * interceptors) instead of the SDK's own {@code HttpURLConnection}: no redirect is followed (a 3xx
 * is refused), and a body larger than {@link #MAX_BODY_BYTES} is refused without being read whole.
 */
final class OAuthHttp {
  /** The most an authorization server's answer may hold. */
  static final long MAX_BODY_BYTES = 64 * 1024;

  private static final MediaType FORM =
      MediaType.get("application/x-www-form-urlencoded; charset=UTF-8");

  private final OkHttpClient client;

  OAuthHttp(OkHttpClient client) {
    this.client = client.newBuilder().followRedirects(false).followSslRedirects(false).build();
  }

  /** A GET of {@code endpoint} (metadata), answered as JSON. */
  HTTPResponse get(Endpoint endpoint) throws OAuthException {
    return execute(
        endpoint, new Request.Builder().url(endpoint.url()).header("Accept", "application/json"));
  }

  /** {@code request}, built by the Nimbus SDK for {@code endpoint}. */
  HTTPResponse send(Endpoint endpoint, HTTPRequest request) throws OAuthException {
    HttpUrl url = HttpParsers.url(request.getURI().toString());
    if (url == null || !HttpParsers.origin(url).equals(endpoint.origin())) {
      throw new OAuthException(
          Kind.PROTOCOL, "a request for the " + endpoint.where() + " went elsewhere");
    }
    Request.Builder builder = new Request.Builder().url(url);
    for (Map.Entry<String, List<String>> header : request.getHeaderMap().entrySet()) {
      String name = header.getKey();
      if (name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("Content-Length"))
        continue;
      for (String value : header.getValue()) builder.addHeader(name, value);
    }
    builder.header("Accept", "application/json");
    String body = request.getBody();
    if (request.getMethod() == HTTPRequest.Method.POST) {
      builder.post(oneShot(body == null ? "" : body));
    } else if (request.getMethod() != HTTPRequest.Method.GET) {
      throw new OAuthException(Kind.PROTOCOL, "unexpected method for the " + endpoint.where());
    }
    return execute(endpoint, builder);
  }

  /**
   * A form OkHttp sends at most once: no silent retry of a grant the server may have used already
   * (a rotated refresh token, a code), which would come back as {@code invalid_grant}.
   */
  private static RequestBody oneShot(String form) {
    byte[] bytes = form.getBytes(StandardCharsets.UTF_8);
    return new RequestBody() {
      @Override
      public MediaType contentType() {
        return FORM;
      }

      @Override
      public long contentLength() {
        return bytes.length;
      }

      @Override
      public boolean isOneShot() {
        return true;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.write(bytes);
      }
    };
  }

  private HTTPResponse execute(Endpoint endpoint, Request.Builder request) throws OAuthException {
    try (Response response = client.newCall(request.build()).execute()) {
      if (response.code() >= 300 && response.code() < 400) {
        throw new OAuthException(
            Kind.REFUSED,
            "the " + endpoint.where() + " redirected to " + target(response) + "; not followed");
      }
      return toNimbus(response, boundedText(endpoint, response.body()));
    } catch (InterruptedIOException e) {
      throw new OAuthException(Kind.TIMEOUT, "the " + endpoint.where() + " did not answer in time");
    } catch (IOException e) {
      throw new OAuthException(
          Kind.NETWORK, "the " + endpoint.where() + " could not be reached: " + reason(e));
    }
  }

  private static String reason(IOException e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : Limits.description(message);
  }

  private static String target(Response response) {
    String location = response.header("Location");
    HttpUrl to = location == null ? null : response.request().url().resolve(location);
    return to == null ? "an unreadable location" : HttpParsers.origin(to);
  }

  /** The body as text, refused past {@link #MAX_BODY_BYTES} after reading at most one byte more. */
  private static String boundedText(Endpoint endpoint, ResponseBody body)
      throws IOException, OAuthException {
    if (body.contentLength() > MAX_BODY_BYTES) throw tooLarge(endpoint);
    BufferedSource source = body.source();
    if (source.request(MAX_BODY_BYTES + 1)) throw tooLarge(endpoint);
    MediaType type = body.contentType();
    Charset charset = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
    return source.getBuffer().readString(charset);
  }

  private static OAuthException tooLarge(Endpoint endpoint) {
    return new OAuthException(
        Kind.REFUSED,
        "the "
            + endpoint.where()
            + " answered with a body larger than "
            + Limits.bytes(MAX_BODY_BYTES)
            + "; not read");
  }

  private static HTTPResponse toNimbus(Response response, String body) throws OAuthException {
    HTTPResponse nimbus = new HTTPResponse(response.code());
    for (String name : response.headers().names()) {
      if (name.equalsIgnoreCase("Content-Type")) continue;
      nimbus.setHeader(name, response.headers(name).toArray(String[]::new));
    }
    String contentType = response.header("Content-Type");
    if (contentType != null) {
      try {
        nimbus.setContentType(contentType);
      } catch (ParseException e) {
        // an unreadable content type counts as none: the parsers then refuse the body
      }
    }
    nimbus.setBody(body);
    return nimbus;
  }
}
