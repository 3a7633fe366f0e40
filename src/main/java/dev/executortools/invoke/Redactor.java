package dev.executortools.invoke;

import dev.executortools.HttpInfo;
import dev.executortools.ToolError;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replaces every occurrence of a source credential value with {@value #MASK} in a result: error
 * message and details, data and response headers (a server may echo what it received, as
 * httpbin's {@code /headers} does). Each value is looked for as sent, percent- and form-encoded,
 * and, for header values such as {@code Bearer <token>}, word by word. Values shorter than {@value
 * #MIN_LENGTH} characters (words: {@value #MIN_WORD_LENGTH}) are not looked for: masking them would
 * garble ordinary text without protecting anything.
 */
final class Redactor {
  static final String MASK = "***";
  static final int MIN_LENGTH = 4;
  static final int MIN_WORD_LENGTH = 8;
  static final Redactor NONE = new Redactor(List.of());

  private final List<String> secrets;

  private Redactor(List<String> secrets) {
    this.secrets = secrets;
  }

  static Redactor of(SourceCredentials credentials) {
    if (credentials.isEmpty()) return NONE;
    Set<String> forms = new LinkedHashSet<>();
    for (String value : credentials.values()) {
      if (value.length() >= MIN_LENGTH) {
        forms.add(value);
        String formEncoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        forms.add(formEncoded);
        forms.add(formEncoded.replace("+", "%20"));
      }
      for (String word : value.split("\\s+")) {
        if (word.length() >= MIN_WORD_LENGTH) forms.add(word);
      }
    }
    return new Redactor(
        forms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList());
  }

  String text(String text) {
    if (text == null || secrets.isEmpty()) return text;
    String result = text;
    for (String secret : secrets) result = result.replace(secret, MASK);
    return result;
  }

  ToolResult apply(ToolResult result) {
    if (secrets.isEmpty()) return result;
    if (!result.ok()) return ToolResult.failure(apply(result.error()));
    HttpInfo http = result.http();
    if (http == null) return ToolResult.success(json(result.data()));
    HttpInfo redactedHttp = new HttpInfo(http.status(), headers(http.headers()));
    return ToolResult.success(json(result.data()), redactedHttp);
  }

  private ToolError apply(ToolError error) {
    return new ToolError(
        error.code(),
        text(error.message()),
        error.status(),
        error.details() == null ? null : json(error.details()),
        error.retryable());
  }

  private Map<String, String> headers(Map<String, String> headers) {
    Map<String, String> redacted = new LinkedHashMap<>();
    headers.forEach((name, value) -> redacted.put(name, text(value)));
    return redacted;
  }

  JsonNode json(JsonNode node) {
    if (node.isString()) return JsonNodeFactory.instance.stringNode(text(node.stringValue()));
    if (node.isArray()) {
      ArrayNode copy = Json.array();
      node.values().forEach(element -> copy.add(json(element)));
      return copy;
    }
    if (node.isObject()) {
      ObjectNode copy = Json.object();
      node.properties().forEach(entry -> copy.set(text(entry.getKey()), json(entry.getValue())));
      return copy;
    }
    return node;
  }
}
