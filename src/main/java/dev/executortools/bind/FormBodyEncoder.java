package dev.executortools.bind;

import dev.executortools.extract.MediaTypeSpec;
import dev.executortools.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code application/x-www-form-urlencoded}: one pair per property. Nested objects and arrays go in
 * brackets as Stripe reads them ({@code metadata[order_id]=6735}, {@code items[0][price]=x}) unless
 * the media type's {@code encoding} gives the property a {@code style}/{@code explode} (then as
 * that query style) or a {@code contentType} (then the JSON text, for JSON types). A string body is
 * taken as an already-encoded form.
 */
final class FormBodyEncoder implements BodyEncoder {
  private final String contentType;
  private final JsonNode encoding;

  private FormBodyEncoder(String contentType, JsonNode encoding) {
    this.contentType = contentType;
    this.encoding = encoding != null && encoding.isObject() ? encoding : null;
  }

  static BodyEncoder forType(MediaTypeSpec mediaType) {
    return MediaTypes.isForm(mediaType.mediaType())
        ? new FormBodyEncoder(mediaType.mediaType(), mediaType.encoding())
        : null;
  }

  @Override
  public EncodedBody encode(JsonNode body) {
    if (body.isString()) {
      return new EncodedBody(body.stringValue().getBytes(StandardCharsets.UTF_8), contentType);
    }
    if (!body.isObject()) {
      throw new BindException("/body", "a form body must be an object of fields");
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : body.properties()) {
      if (Values.isAbsent(field.getValue())) continue;
      EncodingRule rule = EncodingRule.of(encoding, field.getKey());
      for (QueryPair pair : pairs(field.getKey(), field.getValue(), rule)) {
        parts.add(pair.joined());
      }
    }
    return new EncodedBody(
        String.join("&", parts).getBytes(StandardCharsets.US_ASCII), contentType);
  }

  private static List<QueryPair> pairs(String name, JsonNode value, EncodingRule rule) {
    PairEncoding pairs = PairEncoding.FORM_BODY;
    if (rule.contentType() != null) {
      String text = MediaTypes.isJson(rule.contentType()) ? Json.write(value) : Values.text(value);
      return List.of(new QueryPair(pairs.name(name), pairs.value(text)));
    }
    if (rule.hasStyle()) {
      if (rule.allowReserved()) pairs = PairEncoding.FORM_BODY_RESERVED;
      return PairSerializer.serialize(rule.style(), name, value, rule.explode(), pairs);
    }
    List<QueryPair> out = new ArrayList<>();
    PairSerializer.nested(pairs.name(name), value, pairs, out);
    return out;
  }
}
