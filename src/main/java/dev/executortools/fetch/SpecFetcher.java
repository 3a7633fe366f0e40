package dev.executortools.fetch;

import dev.executortools.ErrorCode;
import dev.executortools.ToolError;
import dev.executortools.internal.HeaderRules;
import dev.executortools.internal.Json;
import dev.executortools.internal.Limits;
import dev.executortools.invoke.NetworkFailures;
import dev.executortools.invoke.SourceCredentials;
import dev.executortools.net.BlockedAddressException;
import dev.executortools.net.NetworkPolicy;
import dev.executortools.parse.SpecException;
import dev.executortools.result.ErrorModel;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Downloads a spec over http(s), with optional credentials, never more than {@link #MAX_BYTES}. A
 * failure ({@code openapi_fetch_failed}) names the URL as requested, port included, with user info
 * and the values of credential query parameters masked ({@code details.url}); the HTTP {@code
 * status} when there was a reply; and {@code retryable} as for tool calls (429, 502, 503, 504,
 * network errors and timeouts). The client decides where requests may go (a registry passes its
 * guarded client for model-chosen URLs: {@code blocked_address}) and keeps the credentials on their
 * origin through redirects.
 */
public final class SpecFetcher {
  /** Largest document accepted: room for Microsoft Graph beta (about 47 MB). */
  public static final long MAX_BYTES = Limits.MAX_DOCUMENT_BYTES;

  private static final String MASK = "***";

  private final java.util.function.Supplier<OkHttpClient> client;

  public SpecFetcher(OkHttpClient client) {
    this(() -> client);
  }

  /** A fetcher whose client is made when the first spec is fetched. */
  public SpecFetcher(java.util.function.Supplier<OkHttpClient> client) {
    this.client = client;
  }

  public static boolean isUrl(String spec) {
    String s = spec.strip();
    // Schemes are case-insensitive (RFC 3986): HTTPS://host is a URL, not inline text.
    return (s.regionMatches(true, 0, "http://", 0, 7) || s.regionMatches(true, 0, "https://", 0, 8))
        && !s.contains("\n");
  }

  public String fetch(String url, Map<String, String> headers, Map<String, String> queryParams)
      throws SpecException {
    HttpUrl parsed = HttpUrl.parse(url.strip());
    if (parsed == null) {
      throw new SpecException(ErrorCode.OPENAPI_FETCH_FAILED, "not a valid http(s) URL");
    }
    HttpUrl.Builder withQuery = parsed.newBuilder();
    queryParams.forEach(withQuery::addQueryParameter);
    HttpUrl requested = withQuery.build();
    Request.Builder request = new Request.Builder().url(requested).get();
    for (Map.Entry<String, String> header : headers.entrySet()) {
      String name = header.getKey();
      if (!HeaderRules.isToken(name)
          || HeaderRules.isFramingOrRouting(name)
          || !HeaderRules.isSendableValue(header.getValue())) {
        throw new SpecException(
            ErrorCode.INVALID_ARGUMENTS,
            "the spec fetch header '"
                + (HeaderRules.isToken(name) ? name : "?")
                + "' cannot be sent: framing and routing headers"
                + " are the HTTP client's, and values hold visible ASCII, spaces and tabs only");
      }
      request.header(name, header.getValue());
    }
    String where = masked(requested, queryParams);
    try (Response response = client.get().newCall(request.build()).execute()) {
      if (!response.isSuccessful()) {
        throw failure(
            "fetching " + where + " failed: HTTP " + response.code(),
            where,
            response.code(),
            ErrorModel.retryableStatus(response.code()));
      }
      return readCapped(response.body(), where);
    } catch (IOException e) {
      BlockedAddressException blocked = NetworkPolicy.blocked(e);
      if (blocked != null) {
        throw new SpecException(
            ErrorCode.BLOCKED_ADDRESS,
            "fetching " + where + " was refused: " + blocked.getMessage());
      }
      ToolError network = NetworkFailures.toError(e, "GET", where);
      throw failure(
          "fetching the spec failed: " + network.message(), where, null, network.retryable());
    }
  }

  public static URI location(String url) {
    try {
      return URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The URL as requested, with user info masked, and the values of the credential query parameters
   * and of parameters whose name says they carry a secret ({@code api_key}, {@code token}...).
   */
  static String masked(HttpUrl url, Map<String, String> credentialQuery) {
    HttpUrl.Builder builder = url.newBuilder();
    if (!url.username().isEmpty() || !url.password().isEmpty()) builder.username(MASK).password("");
    for (String name : url.queryParameterNames()) {
      if (credentialQuery.containsKey(name) || SourceCredentials.looksSecret(name))
        builder.setQueryParameter(name, MASK);
    }
    return builder.build().toString();
  }

  private static SpecException failure(
      String message, String url, Integer status, Boolean retryable) {
    return new SpecException(
        new ToolError(
            ErrorCode.OPENAPI_FETCH_FAILED,
            message,
            status,
            Json.object().put("url", url),
            retryable));
  }

  private static String readCapped(ResponseBody body, String where)
      throws IOException, SpecException {
    long declared = body.contentLength();
    if (declared > MAX_BYTES) throw tooLarge(where);
    try (InputStream in = body.byteStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES + 1));
      if (bytes.length > MAX_BYTES) throw tooLarge(where);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static SpecException tooLarge(String where) {
    return failure(
        "the document at "
            + where
            + " is larger than "
            + Limits.bytes(MAX_BYTES)
            + " (the limit for one document)",
        where,
        null,
        false);
  }
}
