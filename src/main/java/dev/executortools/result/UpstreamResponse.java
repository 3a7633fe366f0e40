package dev.executortools.result;

import java.util.Map;
import java.util.Objects;

/**
 * What came back from one HTTP call, as the transport hands it to {@link ResultMapper}.
 *
 * @param method the request method, for messages
 * @param url the request URL as it may be shown (no credential values), for messages
 * @param headers response headers, names lower-cased, repeated values joined with {@code ", "}
 * @param body the body bytes, or null when the body was larger than {@code bodyLimit} (and was
 *     therefore not read)
 * @param bodyLimit the largest body, in bytes, the transport accepts
 */
public record UpstreamResponse(
    String method,
    String url,
    int status,
    Map<String, String> headers,
    byte[] body,
    long bodyLimit) {

  public UpstreamResponse {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    headers = Map.copyOf(headers);
  }

  /** The {@code content-type} header, or null. */
  public String contentType() {
    return headers.get("content-type");
  }

  public boolean bodyTooLarge() {
    return body == null;
  }
}
