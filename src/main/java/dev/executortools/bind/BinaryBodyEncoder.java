package dev.executortools.bind;

import dev.executortools.extract.MediaTypeSpec;
import dev.executortools.internal.Json;
import tools.jackson.databind.JsonNode;

/**
 * {@code application/octet-stream}, images, audio, ranges such as {@code *}{@code /*}, and any type
 * whose schema is binary: the body is base64 (see {@link FileContent}), decoded to bytes. A range
 * is not a sendable Content-Type, so there the content's own type is sent (else {@code
 * application/octet-stream}), and a JSON value that is not file content goes as JSON.
 */
final class BinaryBodyEncoder implements BodyEncoder {
  private static final String OCTET_STREAM = "application/octet-stream";

  private final String declared;

  private BinaryBodyEncoder(String declared) {
    this.declared = declared;
  }

  static BodyEncoder forType(MediaTypeSpec mediaType) {
    return MediaTypes.isBinary(mediaType.mediaType()) || BinarySchemas.isBinary(mediaType.schema())
        ? new BinaryBodyEncoder(mediaType.mediaType())
        : null;
  }

  @Override
  public EncodedBody encode(JsonNode body) {
    boolean range = MediaTypes.isRange(declared);
    if (range && !body.isString() && !FileContent.isFileObject(body)) {
      return new EncodedBody(Json.MAPPER.writeValueAsBytes(body), "application/json");
    }
    FileContent content = FileContent.read(body, "/body");
    if (!range) return new EncodedBody(content.bytes(), declared);
    return new EncodedBody(
        content.bytes(), content.contentType() != null ? content.contentType() : OCTET_STREAM);
  }
}
