package dev.executortools.result;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * A non-2xx reply, as an {@link ErrorModel} sees it.
 *
 * @param method the request method, for messages
 * @param url the request URL as it may be shown (no credential values), for messages
 * @param headers response headers, names lower-cased
 * @param body the body decoded as {@link BodyDecoder} does; JSON null when empty or too large
 */
public record ErrorResponse(
    String method, String url, int status, Map<String, String> headers, JsonNode body) {

  public ErrorResponse {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    headers = Map.copyOf(headers);
    body = body == null ? NullNode.getInstance() : body;
  }

  /** The value of a response header (any case), or null. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** {@code HTTP 404 from GET https://host/path}: the start of most messages. */
  public String describe() {
    return "HTTP " + status + " from " + method + " " + url;
  }
}
