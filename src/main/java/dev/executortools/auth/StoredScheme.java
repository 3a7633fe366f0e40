package dev.executortools.auth;

import dev.executortools.CredentialValue;
import dev.executortools.internal.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads one {@link SchemeAuth} in its stored form ({@code {"type": ..., ...}}). */
final class StoredScheme {
  private StoredScheme() {}

  static SchemeAuth read(JsonNode json) {
    if (json == null || !json.isObject()) throw new IllegalArgumentException("must be an object");
    String type = Json.text(json, "type");
    if (type == null) throw new IllegalArgumentException("has no type");
    return switch (type) {
      case "apiKey" ->
          new SchemeAuth.ApiKey(required(json, "in"), required(json, "name"), value(json, "value"));
      case "bearer" -> new SchemeAuth.Bearer(value(json, "token"));
      case "basic" -> new SchemeAuth.Basic(value(json, "username"), value(json, "password"));
      case "oauth2" ->
          new SchemeAuth.OAuth(
              required(json, "flow"),
              required(json, "clientId"),
              json.hasNonNull("clientSecret") ? value(json, "clientSecret") : null,
              scopes(json.get("scopes")),
              OAuthUrls.from(json));
      default -> throw new IllegalArgumentException("unknown type " + type);
    };
  }

  static CredentialValue value(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null) throw new IllegalArgumentException("needs " + field);
    try {
      return CredentialValue.fromJson(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
    }
  }

  static String required(JsonNode json, String field) {
    String text = Json.text(json, field);
    if (text == null || text.isBlank())
      throw new IllegalArgumentException("needs " + field + " (a string)");
    return text;
  }

  static List<String> scopes(JsonNode array) {
    List<String> scopes = new ArrayList<>();
    if (array == null || array.isNull()) return scopes;
    if (!array.isArray()) throw new IllegalArgumentException("scopes must be an array of strings");
    for (JsonNode scope : array) {
      if (!scope.isString() || scope.stringValue().isBlank())
        throw new IllegalArgumentException("scopes must be an array of non-empty strings");
      scopes.add(scope.stringValue());
    }
    return scopes;
  }
}
