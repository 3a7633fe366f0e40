package dev.executortools.bind;

import java.util.Base64;
import tools.jackson.databind.JsonNode;

/**
 * Binary content given in JSON arguments: a base64 string (standard or URL-safe, padding optional),
 * a {@code data:<type>;base64,...} URL, or {@code {"base64": "...", "filename"?, "contentType"?}}.
 *
 * @param filename null when not given
 * @param contentType null when not given
 */
record FileContent(byte[] bytes, String filename, String contentType) {

  /** True for the object form {@code {"base64": "..."}}. */
  static boolean isFileObject(JsonNode value) {
    if (value == null || !value.isObject()) return false;
    JsonNode base64 = value.get("base64");
    return base64 != null && base64.isString();
  }

  /**
   * Reads content from a string or file object, or throws {@link BindException} at {@code pointer}.
   */
  static FileContent read(JsonNode value, String pointer) {
    if (isFileObject(value)) {
      return new FileContent(
          decode(value.get("base64").stringValue(), pointer + "/base64"),
          optionalText(value, "filename"),
          optionalText(value, "contentType"));
    }
    if (value != null && value.isString()) {
      String text = value.stringValue();
      int marker = text.indexOf(";base64,");
      if (text.startsWith("data:") && marker > 0) {
        String type = text.substring("data:".length(), marker);
        return new FileContent(
            decode(text.substring(marker + ";base64,".length()), pointer),
            null,
            type.isBlank() ? null : type);
      }
      return new FileContent(decode(text, pointer), null, null);
    }
    throw new BindException(
        pointer, "expected binary content: a base64 string or {\"base64\": \"...\"}");
  }

  private static byte[] decode(String base64, String pointer) {
    StringBuilder clean = new StringBuilder(base64.length());
    for (int i = 0; i < base64.length(); i++) {
      char c = base64.charAt(i);
      if (Character.isWhitespace(c)) continue;
      clean.append(c == '-' ? '+' : c == '_' ? '/' : c);
    }
    try {
      return Base64.getDecoder().decode(clean.toString());
    } catch (IllegalArgumentException e) {
      throw new BindException(pointer, "not valid base64: " + e.getMessage());
    }
  }

  private static String optionalText(JsonNode value, String field) {
    JsonNode node = value.get(field);
    return node != null && node.isString() && !node.stringValue().isBlank()
        ? node.stringValue()
        : null;
  }
}
