package dev.executortools.bind;

import dev.executortools.extract.MediaTypeSpec;
import dev.executortools.internal.Json;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * {@code text/*}, XML, and any type no other encoder claims: a string body as its UTF-8 bytes,
 * anything else as JSON text. The declared type is sent as is.
 */
final class TextBodyEncoder implements BodyEncoder {
  private final String contentType;

  private TextBodyEncoder(String contentType) {
    this.contentType = contentType;
  }

  static BodyEncoder forTextType(MediaTypeSpec mediaType) {
    return MediaTypes.isText(mediaType.mediaType()) ? forAnyType(mediaType) : null;
  }

  static BodyEncoder forAnyType(MediaTypeSpec mediaType) {
    return new TextBodyEncoder(mediaType.mediaType());
  }

  @Override
  public EncodedBody encode(JsonNode body) {
    String text = body.isString() ? body.stringValue() : Json.write(body);
    return new EncodedBody(text.getBytes(StandardCharsets.UTF_8), contentType);
  }
}
