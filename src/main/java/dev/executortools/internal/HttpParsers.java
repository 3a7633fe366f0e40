package dev.executortools.internal;

import okhttp3.HttpUrl;
import okhttp3.MediaType;

/**
 * OkHttp's URL and media-type parsers, memoized per thread ({@link ParseMemo}): one call parses its
 * full URL three times (binding checks it, the origin check reads it, the request is built from it)
 * and its response's content type once.
 */
public final class HttpParsers {
  private static final ParseMemo<HttpUrl> URLS = ParseMemo.of(HttpUrl::parse);
  private static final ParseMemo<MediaType> MEDIA_TYPES = ParseMemo.of(MediaType::parse);

  private HttpParsers() {}

  /**
   * The URL, or null when {@code url} is not an absolute http(s) URL (as {@link HttpUrl#parse}).
   */
  public static HttpUrl url(String url) {
    return URLS.parse(url);
  }

  /** The media type, or null when {@code mediaType} is not one (as {@link MediaType#parse}). */
  public static MediaType mediaType(String mediaType) {
    return MEDIA_TYPES.parse(mediaType);
  }

  /**
   * {@code scheme://host[:port]} of {@code url}: the default port left out, an IPv6 host in
   * brackets.
   */
  public static String origin(HttpUrl url) {
    boolean defaultPort = url.port() == HttpUrl.defaultPort(url.scheme());
    String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
    return url.scheme() + "://" + host + (defaultPort ? "" : ":" + url.port());
  }
}
