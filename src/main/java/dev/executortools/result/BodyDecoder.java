package dev.executortools.result;

import dev.executortools.internal.HttpParsers;
import dev.executortools.internal.Json;
import dev.executortools.internal.MediaTypes;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import okhttp3.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a response body into the {@code data} a model sees. The rules, by media type:
 *
 * <ul>
 *   <li>empty body: JSON {@code null};
 *   <li>JSON ({@code application/json}, {@code text/json}, {@code *}{@code /*+json}): parsed; when
 *       it does not parse, {@code {"text", "contentType", "note"}} with the raw text;
 *   <li>text ({@code text/*}, xml, javascript, yaml, csv, form data, ...): a string, decoded with
 *       the declared charset (UTF-8 when none);
 *   <li>anything else: {@code {"base64", "contentType"}};
 *   <li>no media type: JSON when it parses, else a string when it is valid UTF-8, else base64.
 * </ul>
 *
 * Size is not checked here: callers hand over bodies already bounded by the transport's cap.
 */
public final class BodyDecoder {
  private static final Set<String> TEXT_SUBTYPES =
      Set.of(
          "xml",
          "javascript",
          "ecmascript",
          "x-javascript",
          "x-www-form-urlencoded",
          "yaml",
          "x-yaml",
          "graphql",
          "x-ndjson",
          "ndjson",
          "jsonl",
          "x-jsonlines",
          "csv",
          "sql",
          "x-sh",
          "x-httpd-php",
          "rtf");

  private BodyDecoder() {}

  public static JsonNode decode(String contentType, byte[] body) {
    if (body.length == 0) return NullNode.getInstance();
    MediaType type = contentType == null ? null : HttpParsers.mediaType(contentType);
    if (type == null) return sniff(body);
    if (isJson(type)) return parseJson(body, contentType);
    if (isText(type)) return text(new String(body, type.charset(StandardCharsets.UTF_8)));
    return binary(body, contentType);
  }

  /** True for {@code application/json}, {@code text/json} and every {@code +json} suffix. */
  public static boolean isJson(MediaType type) {
    return MediaTypes.isJson(type.type() + "/" + type.subtype());
  }

  static boolean isText(MediaType type) {
    String subtype = type.subtype().toLowerCase(Locale.ROOT);
    return type.type().equalsIgnoreCase("text")
        || TEXT_SUBTYPES.contains(subtype)
        || subtype.endsWith("+xml")
        || subtype.endsWith("+yaml");
  }

  private static JsonNode parseJson(byte[] body, String contentType) {
    try {
      JsonNode parsed = Json.MAPPER.readTree(body);
      return parsed == null || parsed.isMissingNode() ? NullNode.getInstance() : parsed;
    } catch (JacksonException e) {
      ObjectNode node = Json.object();
      node.put("text", new String(body, StandardCharsets.UTF_8));
      node.put("contentType", contentType);
      node.put("note", "the body is declared as JSON but is not valid JSON; shown as text");
      return node;
    }
  }

  private static JsonNode sniff(byte[] body) {
    String utf8 = strictUtf8(body);
    if (utf8 == null) return binary(body, "application/octet-stream");
    String trimmed = utf8.strip();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        return Json.MAPPER.readTree(body);
      } catch (JacksonException e) {
        // not JSON after all: plain text
      }
    }
    return text(utf8);
  }

  private static String strictUtf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static JsonNode text(String value) {
    return JsonNodeFactory.instance.stringNode(value);
  }

  private static JsonNode binary(byte[] body, String contentType) {
    ObjectNode node = Json.object();
    node.put("base64", Base64.getEncoder().encodeToString(body));
    node.put("contentType", contentType);
    return node;
  }
}
