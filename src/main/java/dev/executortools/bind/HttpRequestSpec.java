package dev.executortools.bind;

import java.util.List;
import java.util.Objects;

/**
 * A request ready to send: the result of binding a tool's arguments, before credentials of the
 * source are added. {@code url} is absolute and fully encoded; {@code headers} keep their order and
 * may repeat a name; cookies are already folded into a {@code Cookie} header.
 *
 * @param body the encoded body, or null when there is none
 * @param contentType the body's media type (with parameters such as a multipart boundary), or null
 */
public record HttpRequestSpec(
    String method, String url, List<HttpHeader> headers, byte[] body, String contentType) {

  public HttpRequestSpec {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    headers = List.copyOf(headers);
  }

  /** One request header. Values never contain CR or LF (the binder refuses them). */
  public record HttpHeader(String name, String value) {}
}
