package dev.executortools.invoke;

import dev.executortools.HttpInfo;
import dev.executortools.ToolError;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
 * Replaces every occurrence of a source credential value with {@value #MASK}: every value in error
 * messages and details; in data and response headers (a server may echo what it received, as
 * httpbin's {@code /headers} does) every value but the {@linkplain SourceCredentials#publicValues
 * public} ones. Each value is looked for as sent, percent-, form- and base64-encoded, for header
 * values such as {@code Bearer <token>} word by word, and for {@code Basic} credentials also
 * decoded ({@code user:secret}, and the password alone). Values shorter than {@value #MIN_LENGTH}
 * characters (words: {@value #MIN_WORD_LENGTH}) are not looked for: masking them would garble
 * ordinary text without protecting anything.
 */
final class Redactor {
  static final String MASK = "***";
  static final int MIN_LENGTH = 4;
  static final int MIN_WORD_LENGTH = 8;
  static final Redactor NONE = new Redactor(List.of(), List.of());

  private final List<String> secrets;
  private final List<String> resultSecrets;

  private Redactor(List<String> secrets, List<String> resultSecrets) {
    this.secrets = secrets;
    this.resultSecrets = resultSecrets;
  }

  static Redactor of(SourceCredentials credentials) {
    if (credentials.isEmpty()) return NONE;
    return new Redactor(forms(credentials.values()), forms(credentials.secretValues()));
  }

  /**
   * Each value as sent, percent- and form-encoded, base64-encoded, and word by word; a {@code
   * Basic} credential also decoded ({@code user:secret}) and its password alone. Longest first.
   */
  private static List<String> forms(List<String> values) {
    Set<String> forms = new LinkedHashSet<>();
    for (String value : values) {
      addEncodings(value, forms);
      String[] words = value.split("\\s+");
      for (String word : words) {
        if (word.length() >= MIN_WORD_LENGTH) forms.add(word);
      }
      if (words.length == 2 && words[0].equalsIgnoreCase("Basic")) {
        String decoded = decodeBase64(words[1]);
        if (decoded != null) {
          addEncodings(decoded, forms);
          int colon = decoded.indexOf(':');
          if (colon >= 0) addEncodings(decoded.substring(colon + 1), forms);
        }
      }
    }
    return forms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  private static void addEncodings(String value, Set<String> forms) {
    if (value.length() < MIN_LENGTH) return;
    forms.add(value);
    String formEncoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
    forms.add(formEncoded);
    forms.add(formEncoded.replace("+", "%20"));
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    forms.add(Base64.getEncoder().encodeToString(bytes));
    forms.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
    forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  private static String decodeBase64(String text) {
    try {
      return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A message or error detail: every credential value masked. */
  String text(String text) {
    return mask(text, secrets);
  }

  private static String mask(String text, List<String> forms) {
    if (text == null || forms.isEmpty()) return text;
    String result = text;
    for (String secret : forms) result = result.replace(secret, MASK);
    return result;
  }

  ToolResult apply(ToolResult result) {
    if (secrets.isEmpty()) return result;
    if (!result.ok()) return ToolResult.failure(apply(result.error()));
    HttpInfo http = result.http();
    if (http == null) return ToolResult.success(json(result.data(), resultSecrets));
    HttpInfo redactedHttp = new HttpInfo(http.status(), headers(http.headers()));
    return ToolResult.success(json(result.data(), resultSecrets), redactedHttp);
  }

  private ToolError apply(ToolError error) {
    return new ToolError(
        error.code(),
        text(error.message()),
        error.status(),
        error.details() == null ? null : json(error.details(), secrets),
        error.retryable());
  }

  private Map<String, String> headers(Map<String, String> headers) {
    Map<String, String> redacted = new LinkedHashMap<>();
    headers.forEach((name, value) -> redacted.put(name, mask(value, resultSecrets)));
    return redacted;
  }

  private static JsonNode json(JsonNode node, List<String> forms) {
    if (forms.isEmpty()) return node;
    if (node.isString())
      return JsonNodeFactory.instance.stringNode(mask(node.stringValue(), forms));
    if (node.isArray()) {
      ArrayNode copy = Json.array();
      node.values().forEach(element -> copy.add(json(element, forms)));
      return copy;
    }
    if (node.isObject()) {
      ObjectNode copy = Json.object();
      node.properties()
          .forEach(entry -> copy.set(mask(entry.getKey(), forms), json(entry.getValue(), forms)));
      return copy;
    }
    return node;
  }
}
