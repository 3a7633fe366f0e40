package dev.executortools.parse;

import dev.executortools.ErrorCode;
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
 * Downloads a spec over http(s), with optional credentials, never more than {@link #MAX_BYTES}.
 * Messages name the host and path, never the credentials.
 */
public final class SpecFetcher {
  /** Largest document accepted: room for Microsoft Graph beta (about 47 MB). */
  public static final long MAX_BYTES = 128L * 1024 * 1024;

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
    return (s.startsWith("http://") || s.startsWith("https://")) && !s.contains("\n");
  }

  public String fetch(String url, Map<String, String> headers, Map<String, String> queryParams)
      throws SpecException {
    HttpUrl parsed = HttpUrl.parse(url.strip());
    if (parsed == null) {
      throw new SpecException(ErrorCode.OPENAPI_FETCH_FAILED, "not a valid http(s) URL");
    }
    HttpUrl.Builder withQuery = parsed.newBuilder();
    queryParams.forEach(withQuery::addQueryParameter);
    Request.Builder request = new Request.Builder().url(withQuery.build()).get();
    headers.forEach(request::header);
    String where = parsed.scheme() + "://" + parsed.host() + parsed.encodedPath();
    try (Response response = client.get().newCall(request.build()).execute()) {
      if (!response.isSuccessful()) {
        throw new SpecException(ErrorCode.OPENAPI_FETCH_FAILED,
            "fetching " + where + " failed: HTTP " + response.code());
      }
      return readCapped(response.body(), where);
    } catch (IOException e) {
      throw new SpecException(ErrorCode.OPENAPI_FETCH_FAILED,
          "fetching " + where + " failed: " + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  public static URI location(String url) {
    try {
      return URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String readCapped(ResponseBody body, String where) throws IOException, SpecException {
    long declared = body.contentLength();
    if (declared > MAX_BYTES) throw tooLarge(where);
    try (InputStream in = body.byteStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES + 1));
      if (bytes.length > MAX_BYTES) throw tooLarge(where);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static SpecException tooLarge(String where) {
    return new SpecException(ErrorCode.OPENAPI_FETCH_FAILED,
        "the document at " + where + " is larger than " + (MAX_BYTES >> 20) + " MiB");
  }
}
