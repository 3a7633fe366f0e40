package dev.executortools.invoke;

import dev.executortools.bind.HttpRequestSpec.HttpHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A source's headers, query parameters and cookies, values already resolved (secrets included),
 * added to a request of the source's tools. No value ever shows in a message, and {@link
 * #toString()} shows names only. In results (data and response headers) every value is masked too,
 * except the {@code publicValues}: literal settings such as {@code Accept: application/json} or
 * {@code api-version=2024-01-01}, which an API may legitimately return and which are no secret.
 *
 * @param publicValues values that may appear in results (see {@link #looksSecret} for which names
 *     never qualify)
 * @param signer signs each request on the call's origin (AWS SigV4), or null
 */
public record SourceCredentials(
    List<HttpHeader> headers,
    Map<String, String> queryParams,
    Map<String, String> cookies,
    Set<String> publicValues,
    RequestSigner signer) {

  public static final SourceCredentials NONE = new SourceCredentials(List.of(), Map.of());

  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i).*(auth|key|token|secret|pass|sign|session|cookie|credential|private).*");

  /** Credentials whose every value is secret. */
  public SourceCredentials(List<HttpHeader> headers, Map<String, String> queryParams) {
    this(headers, queryParams, Map.of(), Set.of());
  }

  /** Whether a header or parameter of this name carries a secret whatever its value. */
  public static boolean looksSecret(String name) {
    return SECRET_NAME.matcher(name).matches();
  }

  public SourceCredentials(
      List<HttpHeader> headers,
      Map<String, String> queryParams,
      Map<String, String> cookies,
      Set<String> publicValues) {
    this(headers, queryParams, cookies, publicValues, null);
  }

  /** The same credentials, each request also signed by {@code signer}. */
  public SourceCredentials withSigner(RequestSigner signer) {
    return new SourceCredentials(headers, queryParams, cookies, publicValues, signer);
  }

  public SourceCredentials {
    publicValues = Set.copyOf(publicValues);
    headers = List.copyOf(headers);
    queryParams = Map.copyOf(queryParams);
    cookies = Map.copyOf(cookies);
    for (HttpHeader header : headers) {
      Objects.requireNonNull(header.name(), "header name");
      Objects.requireNonNull(header.value(), "header value");
    }
  }

  public boolean isEmpty() {
    return headers.isEmpty() && queryParams.isEmpty() && cookies.isEmpty() && signer == null;
  }

  /** Every value, for redaction of messages. */
  List<String> values() {
    List<String> values = new ArrayList<>(queryParams.values());
    values.addAll(cookies.values());
    headers.forEach(header -> values.add(header.value()));
    if (signer != null) values.addAll(signer.secretValues());
    return values;
  }

  /** The values to mask in results as well. */
  List<String> secretValues() {
    return values().stream().filter(v -> !publicValues.contains(v)).toList();
  }

  @Override
  public String toString() {
    return "SourceCredentials[headers="
        + headers.stream().map(HttpHeader::name).toList()
        + ", queryParams="
        + queryParams.keySet().stream().sorted().toList()
        + ", cookies="
        + cookies.keySet().stream().sorted().toList()
        + (signer == null ? "" : ", signed")
        + "]";
  }
}
