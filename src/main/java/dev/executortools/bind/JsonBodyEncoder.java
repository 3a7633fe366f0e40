package dev.executortools.bind;

import dev.executortools.extract.MediaTypeSpec;
import dev.executortools.internal.Json;
import tools.jackson.databind.JsonNode;

/**
 * {@code application/json} and every {@code +json} type ({@code application/vnd.github+json},
 * {@code application/merge-patch+json}...): the JSON bytes, sent with the declared type as is.
 */
final class JsonBodyEncoder implements BodyEncoder {
  private final String contentType;

  private JsonBodyEncoder(String contentType) {
    this.contentType = contentType;
  }

  static BodyEncoder forType(MediaTypeSpec mediaType) {
    return MediaTypes.isJson(mediaType.mediaType())
        ? new JsonBodyEncoder(mediaType.mediaType())
        : null;
  }

  @Override
  public EncodedBody encode(JsonNode body) {
    return new EncodedBody(Json.MAPPER.writeValueAsBytes(body), contentType);
  }
}
