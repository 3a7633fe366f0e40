package dev.executortools;

import dev.executortools.internal.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The value of a source header or query parameter: a literal string, or a reference to a secret
 * resolved on every call. Both are credentials: their {@code toString()} and {@link
 * #toRedactedJson()} never show a literal value.
 */
public sealed interface CredentialValue {

  /** What listings show instead of a literal value. */
  String REDACTED = "<redacted>";

  /**
   * Credentials by place and name, never a value: {@code header Authorization}, {@code query
   * api_key}, each followed by {@code note} (such as {@code " (spec fetch)"}), headers first.
   */
  static List<String> names(Iterable<String> headers, Iterable<String> queryParams, String note) {
    List<String> names = new ArrayList<>();
    headers.forEach(name -> names.add("header " + name + note));
    queryParams.forEach(name -> names.add("query " + name + note));
    return names;
  }

  /** The stored form: a string for a literal, {@code {"secretId", "prefix"?}} for a reference. */
  JsonNode toJson();

  /** The form for listings: like {@link #toJson()} but a literal is {@code "<redacted>"}. */
  JsonNode toRedactedJson();

  /** A value given as is. It is stored with the source, so prefer a {@link SecretRef}. */
  record Literal(String value) implements CredentialValue {
    public Literal {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public JsonNode toJson() {
      return StringNode.valueOf(value);
    }

    @Override
    public JsonNode toRedactedJson() {
      return StringNode.valueOf(REDACTED);
    }

    @Override
    public String toString() {
      return "Literal[" + REDACTED + "]";
    }
  }

  /**
   * A secret looked up by id on every call; the value sent is {@code prefix + secret}.
   *
   * @param prefix prepended to the secret (e.g. {@code "Bearer "}), or null for none
   */
  record SecretRef(String secretId, @Nullable String prefix) implements CredentialValue {
    public SecretRef {
      Objects.requireNonNull(secretId, "secretId");
      if (secretId.isBlank()) throw new IllegalArgumentException("secretId must not be blank");
    }

    public static SecretRef of(String secretId) {
      return new SecretRef(secretId, null);
    }

    @Override
    public JsonNode toJson() {
      ObjectNode json = Json.object();
      json.put("secretId", secretId);
      if (prefix != null) json.put("prefix", prefix);
      return json;
    }

    @Override
    public JsonNode toRedactedJson() {
      return toJson();
    }
  }

  /**
   * Reads a value given as a string or {@code {"secretId": "...", "prefix"?: "..."}}.
   *
   * @throws IllegalArgumentException with a message that names what is wrong (never the value)
   */
  static CredentialValue fromJson(JsonNode json) {
    if (json != null && json.isString()) return new Literal(json.stringValue());
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException(
          "a credential value must be a string or an object {\"secretId\": \"...\", \"prefix\"?:"
              + " \"...\"}, not "
              + kind(json));
    }
    for (String name : json.propertyNames()) {
      if (!name.equals("secretId") && !name.equals("prefix")) {
        throw new IllegalArgumentException(
            "a secret reference takes only \"secretId\" and \"prefix\", not \"" + name + "\"");
      }
    }
    JsonNode id = json.get("secretId");
    if (id == null || !id.isString() || id.stringValue().isBlank()) {
      throw new IllegalArgumentException(
          "a secret reference needs \"secretId\": a non-empty string");
    }
    JsonNode prefix = json.get("prefix");
    if (prefix != null && !prefix.isNull() && !prefix.isString()) {
      throw new IllegalArgumentException("\"prefix\" of a secret reference must be a string");
    }
    return new SecretRef(
        id.stringValue(), prefix == null || prefix.isNull() ? null : prefix.stringValue());
  }

  /**
   * Reads an object of named values ({@code headers}, {@code queryParams}); null or missing gives
   * an empty map. Order is kept.
   *
   * @throws IllegalArgumentException naming the offending entry (never its value)
   */
  static Map<String, CredentialValue> mapFromJson(JsonNode json) {
    if (json == null || json.isNull() || json.isMissingNode()) return Map.of();
    if (!json.isObject()) {
      throw new IllegalArgumentException(
          "expected an object of names to values, not " + kind(json));
    }
    Map<String, CredentialValue> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : json.properties()) {
      try {
        values.put(entry.getKey(), fromJson(entry.getValue()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("\"" + entry.getKey() + "\": " + e.getMessage(), e);
      }
    }
    return Collections.unmodifiableMap(values);
  }

  /** The stored form of a map of values. */
  static ObjectNode mapToJson(Map<String, CredentialValue> values) {
    ObjectNode json = Json.object();
    values.forEach((name, value) -> json.set(name, value.toJson()));
    return json;
  }

  /** The listing form of a map of values: literals redacted. */
  static ObjectNode mapToRedactedJson(Map<String, CredentialValue> values) {
    ObjectNode json = Json.object();
    values.forEach((name, value) -> json.set(name, value.toRedactedJson()));
    return json;
  }

  private static String kind(JsonNode json) {
    if (json == null || json.isMissingNode()) return "missing";
    return json.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
