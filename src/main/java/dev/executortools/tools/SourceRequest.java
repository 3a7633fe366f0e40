package dev.executortools.tools;

import dev.executortools.CredentialValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * What {@code openapi.addSource} is asked, read once from its arguments: the spec (a URL or the
 * text), the namespace (null: derived from the spec's title), and the source's settings, typed. A
 * refresh asks the same of a stored source.
 *
 * @param trustedOrigins as given; the registry keeps only exact origins and refuses the rest
 * @param auth the {@code auth} argument as given (read against the spec's schemes once it is
 *     loaded), or null
 * @param awsProfile the AWS profile an AWS spec's calls sign with, or null
 */
public record SourceRequest(
    String spec,
    String namespace,
    String name,
    String baseUrl,
    Map<String, CredentialValue> headers,
    Map<String, CredentialValue> queryParams,
    Map<String, CredentialValue> specFetchHeaders,
    Map<String, CredentialValue> specFetchQueryParams,
    List<String> trustedOrigins,
    JsonNode auth,
    String awsProfile,
    boolean replace) {

  public SourceRequest {
    Objects.requireNonNull(spec, "spec");
    headers = Map.copyOf(headers);
    queryParams = Map.copyOf(queryParams);
    specFetchHeaders = Map.copyOf(specFetchHeaders);
    specFetchQueryParams = Map.copyOf(specFetchQueryParams);
    trustedOrigins = List.copyOf(trustedOrigins);
  }

  /**
   * Reads {@code openapi.addSource}'s (schema-valid) arguments.
   *
   * @throws IllegalArgumentException naming the field that is wrong, never a value
   */
  public static SourceRequest read(JsonNode arguments) {
    JsonNode fetch = arguments.path("specFetchCredentials");
    return new SourceRequest(
        arguments.path("spec").asString(""),
        text(arguments, "namespace"),
        text(arguments, "name"),
        text(arguments, "baseUrl"),
        credentials(arguments.get("headers"), "headers"),
        credentials(arguments.get("queryParams"), "queryParams"),
        credentials(fetch.get("headers"), "specFetchCredentials.headers"),
        credentials(fetch.get("queryParams"), "specFetchCredentials.queryParams"),
        strings(arguments.get("trustedOrigins")),
        arguments.get("auth"),
        text(arguments, "awsProfile"),
        arguments.path("replace").asBoolean(false));
  }

  /** The spec fetch's credentials of {@code openapi.previewSpec}'s or addSource's arguments. */
  static Map<String, CredentialValue> fetchCredentials(JsonNode arguments, String map) {
    return credentials(
        arguments.path("specFetchCredentials").get(map), "specFetchCredentials." + map);
  }

  private static Map<String, CredentialValue> credentials(JsonNode map, String field) {
    try {
      return CredentialValue.mapFromJson(map);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    if (array != null) array.forEach(value -> values.add(value.asString("")));
    return values;
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value == null || !value.isString() ? null : value.stringValue();
  }
}
