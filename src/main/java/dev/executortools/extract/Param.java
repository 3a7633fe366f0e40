package dev.executortools.extract;

import dev.executortools.internal.HeaderRules;
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
   * Whether this is a header parameter never taken from arguments: OpenAPI's rule ignores {@code
   * Accept}, {@code Content-Type} and {@code Authorization} (content negotiation and security
   * schemes decide those), and headers that frame or route the request ({@code Host}, {@code
   * Content-Length}, {@code Transfer-Encoding}, {@code Connection}, {@code Upgrade}, {@code TE},
   * {@code Trailer}, {@code Keep-Alive}, {@code Expect}, {@code Proxy-*}) are the HTTP client's: a
   * value from a model could send the request (and its credentials) elsewhere or stall it.
   */
  public boolean isIgnoredHeader() {
    return location.equals("header") && isFramingOrIgnoredHeader(name);
  }

  /** Whether a header of this name is never taken from arguments (see {@link #isIgnoredHeader}). */
  public static boolean isFramingOrIgnoredHeader(String name) {
    return NEGOTIATED_HEADERS.contains(name.toLowerCase(Locale.ROOT))
        || HeaderRules.isFramingOrRouting(name);
  }

  private static final Set<String> NEGOTIATED_HEADERS =
      Set.of("accept", "content-type", "authorization");

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
