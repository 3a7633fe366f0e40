package dev.executortools.schema;

import dev.executortools.extract.ServerSpec;
import dev.executortools.internal.Json;
import dev.executortools.internal.UrlUserInfo;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The optional {@code server} property: a per-call base URL or values for the spec servers' URL
 * variables. Variables carry no enum: real deployments outgrow the values a spec lists.
 */
final class ServerProperty {
  /** More servers than this are summarised, to keep every tool's schema small. */
  private static final int LISTED_SERVERS = 5;

  /** How {@link #description} names a server's variables, read back by {@link #compact}. */
  private static final Pattern VARIABLES = Pattern.compile("\\(variables: ([^)]*)\\)");

  private ServerProperty() {}

  /**
   * @param baseUrl the source's base URL, where calls go instead of the spec's servers; or null
   */
  static ObjectNode schema(List<ServerSpec> servers, String baseUrl) {
    ObjectNode properties = Json.object();
    properties.set(
        "url",
        Json.object()
            .put("type", "string")
            .put(
                "description",
                "Base URL to call instead of the spec's server, e.g. https://api.example.com/v1."));
    properties.set(
        "variables",
        Json.object()
            .put("type", "object")
            .put(
                "description",
                "Values for the server URL's {variables}; missing ones take the spec's defaults.")
            .set("additionalProperties", Json.object().put("type", "string")));
    return Json.object()
        .put("type", "object")
        .put("description", baseUrl != null ? baseUrlDescription(baseUrl) : description(servers))
        .<ObjectNode>set("properties", properties)
        .put("additionalProperties", false);
  }

  /**
   * Whether {@code property} is the one {@link #schema} makes (a parameter is never named server).
   */
  static boolean isServerProperty(JsonNode property) {
    return property instanceof ObjectNode object
        && object.path("properties").has("url")
        && object.path("properties").has("variables")
        && object.path("description").isString();
  }

  /**
   * The property in one short description, for listings that repeat it in every tool: what to pass
   * and the spec servers' variable names, without the spec's server list. Values are still checked
   * against {@code full}.
   */
  static ObjectNode compact(ObjectNode full) {
    Set<String> variables = new TreeSet<>();
    Matcher matcher = VARIABLES.matcher(full.path("description").asString(""));
    while (matcher.find()) variables.addAll(List.of(matcher.group(1).split(", ")));
    StringBuilder text =
        new StringBuilder(
            "Optional: send this call to another server: {\"url\": \"https://host/base\"}");
    if (!variables.isEmpty()) {
      text.append(", or fill the spec server's URL variables: {\"variables\": {");
      text.append(String.join(", ", variables.stream().map(v -> "\"" + v + "\": \"...\"").toList()))
          .append("}}");
    }
    return Json.object().put("type", "object").put("description", text.append('.').toString());
  }

  private static String baseUrlDescription(String baseUrl) {
    return "Optional: where to send this call. Calls go to the source's base URL "
        + UrlUserInfo.mask(baseUrl, "***")
        + ". Give url to use another base URL.";
  }

  private static String description(List<ServerSpec> servers) {
    StringBuilder text = new StringBuilder("Optional: where to send this call. ");
    if (servers.isEmpty()) {
      return text.append("The spec declares no server; give url unless the source has a base URL.")
          .toString();
    }
    text.append(servers.size() == 1 ? "Spec server: " : "Spec servers: ");
    for (int i = 0; i < servers.size() && i < LISTED_SERVERS; i++) {
      ServerSpec server = servers.get(i);
      if (i > 0) text.append("; ");
      text.append(server.url());
      if (!server.variables().isEmpty()) {
        text.append(" (variables: ")
            .append(String.join(", ", new TreeSet<>(server.variables().keySet())))
            .append(')');
      }
    }
    if (servers.size() > LISTED_SERVERS)
      text.append("; and ").append(servers.size() - LISTED_SERVERS).append(" more");
    return text.append(
            ". Give url to use another base URL, or variables to fill the spec server's variables.")
        .toString();
  }
}
