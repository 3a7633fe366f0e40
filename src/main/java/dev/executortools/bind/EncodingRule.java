package dev.executortools.bind;

import dev.executortools.internal.Json;
import tools.jackson.databind.JsonNode;

/**
 * One property's entry of a form or multipart media type's {@code encoding} map.
 *
 * @param contentType the first type of {@code contentType} (it may list several), or null
 * @param style the declared style, {@code form} when only {@code explode} is given, or null when
 *     neither is given
 */
record EncodingRule(String contentType, String style, boolean explode, boolean allowReserved) {
  static final EncodingRule NONE = new EncodingRule(null, null, false, false);

  static EncodingRule of(JsonNode encoding, String property) {
    JsonNode rule = encoding == null || !encoding.isObject() ? null : encoding.get(property);
    if (rule == null || !rule.isObject()) return NONE;
    String contentType = Json.text(rule, "contentType");
    if (contentType != null) {
      int comma = contentType.indexOf(',');
      contentType = (comma >= 0 ? contentType.substring(0, comma) : contentType).strip();
      if (contentType.isEmpty()) contentType = null;
    }
    String style = Json.text(rule, "style");
    JsonNode explode = rule.get("explode");
    boolean hasExplode = explode != null && explode.isBoolean();
    if (style == null && hasExplode) style = "form";
    boolean exploded = hasExplode ? explode.booleanValue() : "form".equals(style);
    JsonNode reserved = rule.get("allowReserved");
    return new EncodingRule(
        contentType,
        style,
        exploded,
        reserved != null && reserved.isBoolean() && reserved.booleanValue());
  }

  /** True when a style or explode is declared and no content type overrides it. */
  boolean hasStyle() {
    return style != null && contentType == null;
  }
}
