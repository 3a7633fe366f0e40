package dev.executortools.bind;

import dev.executortools.extract.ServerSpec;
import dev.executortools.extract.ServerVariable;
import dev.executortools.internal.Json;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * The resolution order of {@link ServerResolver#DEFAULT}: the per-call {@code url}; else per-call
 * variables, which fill a templated source base URL ({@code https://proxy/bot{token}}) or else the
 * first spec server; else the source's base URL; else the first spec server with its defaults.
 * Variables without a value stay {@code {name}} (the plan then refuses the call).
 */
final class DefaultServerResolver implements ServerResolver {

  @Override
  public String baseUrl(JsonNode requested, String sourceBaseUrl, List<ServerSpec> servers) {
    String source = sourceBaseUrl == null || sourceBaseUrl.isBlank() ? null : sourceBaseUrl.strip();
    String url = Json.text(requested, "url");
    JsonNode variables = requested == null ? null : requested.get("variables");
    boolean hasVariables = variables != null && variables.isObject() && !variables.isEmpty();
    ServerSpec first = servers == null || servers.isEmpty() ? null : servers.get(0);

    if (url != null && !url.isBlank()) {
      String filled = fill(url.strip(), variables);
      ServerSpec declared = declared(url.strip(), servers);
      return resolve(declared == null ? filled : fill(filled, declared.variables()), source);
    }
    // a templated source base URL (https://proxy/bot{token}) takes the per-call variables itself
    if (hasVariables && source != null && source.contains("{")) return fill(source, variables);
    if (hasVariables && first != null && first.url() != null) {
      return resolve(fill(fill(first.url(), variables), first.variables()), source);
    }
    if (source != null) return source;
    if (first != null && first.url() != null) {
      return resolve(fill(first.url(), first.variables()), null);
    }
    return null;
  }

  /** The declared server whose URL template is {@code url}, so its defaults can fill the rest. */
  private static ServerSpec declared(String url, List<ServerSpec> servers) {
    if (servers == null) return null;
    for (ServerSpec server : servers) {
      if (url.equals(server.url())) return server;
    }
    return null;
  }

  private static String fill(String template, JsonNode values) {
    if (values == null || !values.isObject()) return template;
    String out = template;
    for (Map.Entry<String, JsonNode> entry : values.properties()) {
      JsonNode value = entry.getValue();
      if (!Values.isAbsent(value) && !value.isContainer()) {
        out = out.replace("{" + entry.getKey() + "}", Values.text(value));
      }
    }
    return out;
  }

  private static String fill(String template, Map<String, ServerVariable> defaults) {
    String out = template;
    for (Map.Entry<String, ServerVariable> entry : defaults.entrySet()) {
      ServerVariable variable = entry.getValue();
      if (variable != null && variable.defaultValue() != null) {
        out = out.replace("{" + entry.getKey() + "}", variable.defaultValue());
      }
    }
    return out;
  }

  /**
   * Resolves a relative URL ({@code /v2}, {@code //host/v2}) against the source's base URL; without
   * one a scheme-relative URL gets {@code https:} and a path stays relative (the plan refuses it).
   */
  private static String resolve(String url, String source) {
    if (url.contains("{") || HttpUrl.parse(url) != null) return url;
    HttpUrl base = source == null ? null : HttpUrl.parse(source);
    if (base != null) {
      HttpUrl resolved = base.resolve(url);
      if (resolved != null) return resolved.toString();
    }
    if (url.startsWith("//")) return "https:" + url;
    return url;
  }
}
