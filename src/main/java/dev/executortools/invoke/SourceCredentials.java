package dev.executortools.invoke;

import dev.executortools.bind.HttpRequestSpec.HttpHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A source's headers and query parameters, values already resolved (secrets included), added to
 * every request of the source's tools. Every value is treated as secret: {@link HttpTransport}
 * keeps them out of messages and results, and {@link #toString()} shows names only.
 */
public record SourceCredentials(List<HttpHeader> headers, Map<String, String> queryParams) {

  public static final SourceCredentials NONE = new SourceCredentials(List.of(), Map.of());

  public SourceCredentials {
    headers = List.copyOf(headers);
    queryParams = Map.copyOf(queryParams);
    for (HttpHeader header : headers) {
      Objects.requireNonNull(header.name(), "header name");
      Objects.requireNonNull(header.value(), "header value");
    }
  }

  public boolean isEmpty() {
    return headers.isEmpty() && queryParams.isEmpty();
  }

  /** Every value, for redaction. */
  List<String> values() {
    List<String> values = new ArrayList<>(queryParams.values());
    headers.forEach(header -> values.add(header.value()));
    return values;
  }

  @Override
  public String toString() {
    return "SourceCredentials[headers="
        + headers.stream().map(HttpHeader::name).toList()
        + ", queryParams="
        + queryParams.keySet().stream().sorted().toList()
        + "]";
  }
}
