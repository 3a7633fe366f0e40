package dev.executortools.tools;

import dev.executortools.CredentialValue;
import dev.executortools.internal.HeaderRules;
import dev.executortools.schema.ArgumentProblem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The credential maps among a built-in tool's arguments ({@code headers}, {@code queryParams} and
 * {@code specFetchCredentials}' two): the header rules the schema cannot state, and the stored
 * secrets they name.
 */
final class CredentialArguments {
  private CredentialArguments() {}

  /**
   * Header names that are no token or that frame or route a request ({@code Host}, {@code
   * Transfer-Encoding}, {@code Proxy-*}...), and header values or prefixes with characters that
   * cannot be sent as they are (CR, LF, other controls, non-ASCII). Never quotes a value.
   */
  static List<ArgumentProblem> problems(JsonNode arguments) {
    List<ArgumentProblem> problems = new ArrayList<>();
    for (String pointer : List.of("/headers", "/specFetchCredentials/headers")) {
      JsonNode map = arguments.at(pointer);
      if (!map.isObject()) continue;
      for (Map.Entry<String, JsonNode> entry : map.properties()) {
        String name = entry.getKey();
        String at = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
        if (!HeaderRules.isToken(name)) {
          problems.add(
              new ArgumentProblem(
                  at, "not a header name (letters, digits and !#$%&'*+-.^_`|~ only)"));
        } else if (HeaderRules.isFramingOrRouting(name)) {
          problems.add(
              new ArgumentProblem(
                  at,
                  "header '"
                      + name
                      + "' frames or routes the request and is"
                      + " set by the HTTP client, never from arguments"));
        }
        JsonNode value = entry.getValue();
        String text = value.isString() ? value.stringValue() : value.path("prefix").asString("");
        if (!HeaderRules.isSendableValue(text)) {
          problems.add(
              new ArgumentProblem(
                  at,
                  "header values may hold visible ASCII characters, spaces"
                      + " and tabs only (no CR, LF or other control characters, nothing past ASCII)"));
        }
      }
    }
    return problems;
  }

  /**
   * The credentials the arguments send or store, by place and name: {@code header X-Api-Key (spec
   * fetch)}, {@code query api_key}; never a value.
   */
  static List<String> names(JsonNode arguments) {
    List<String> names =
        new ArrayList<>(
            CredentialValue.names(
                arguments.at("/specFetchCredentials/headers").propertyNames(),
                arguments.at("/specFetchCredentials/queryParams").propertyNames(),
                " (spec fetch)"));
    names.addAll(
        CredentialValue.names(
            arguments.at("/headers").propertyNames(),
            arguments.at("/queryParams").propertyNames(),
            ""));
    arguments.at("/auth").propertyNames().forEach(scheme -> names.add("auth " + scheme));
    return names;
  }

  /** The names of the stored secrets the arguments refer to, each once, in the order given. */
  static List<String> secretIds(JsonNode arguments) {
    Set<String> ids = new LinkedHashSet<>();
    for (String pointer :
        List.of(
            "/specFetchCredentials/headers",
            "/specFetchCredentials/queryParams",
            "/headers",
            "/queryParams")) {
      for (JsonNode value : arguments.at(pointer)) {
        JsonNode id = value.get("secretId");
        if (id != null && id.isString()) ids.add(id.stringValue());
      }
    }
    for (JsonNode scheme : arguments.at("/auth")) {
      for (JsonNode value : scheme) {
        JsonNode id = value.get("secretId");
        if (id != null && id.isString()) ids.add(id.stringValue());
      }
    }
    return List.copyOf(ids);
  }
}
