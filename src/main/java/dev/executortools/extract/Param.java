package dev.executortools.extract;

import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One parameter of an operation, path-level and operation-level already merged.
 *
 * @param location {@code path}, {@code query}, {@code header} or {@code cookie}
 * @param schema the raw OpenAPI schema (refs unresolved), or null when the spec gives none
 * @param style the declared style, or null for the location's default
 * @param explode the declared explode, or null for the style's default
 * @param contentType the media type when the parameter is described by {@code content}
 */
public record Param(
    String name,
    String location,
    boolean required,
    String description,
    boolean deprecated,
    JsonNode schema,
    String style,
    Boolean explode,
    boolean allowReserved,
    String contentType) {

  /**
   * OpenAPI's rule: header parameters named {@code Accept}, {@code Content-Type} or {@code
   * Authorization} are ignored (content negotiation and security schemes decide those headers).
   */
  public boolean isIgnoredHeader() {
    return location.equals("header") && IGNORED_HEADERS.contains(name.toLowerCase(Locale.ROOT));
  }

  private static final Set<String> IGNORED_HEADERS = Set.of("accept", "content-type", "authorization");

  /** The key operations merge parameters by: {@code in:name}. */
  public String key() {
    return location + ":" + name;
  }

  /** The style in effect: the declared one, else the location's default. */
  public String effectiveStyle() {
    if (style != null) return style;
    return switch (location) {
      case "query", "cookie" -> "form";
      default -> "simple";
    };
  }

  /** The explode in effect: the declared one, else true for {@code form} only. */
  public boolean effectiveExplode() {
    return explode != null ? explode : effectiveStyle().equals("form");
  }
}
