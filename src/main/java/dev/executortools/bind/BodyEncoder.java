package dev.executortools.bind;

import dev.executortools.extract.MediaTypeSpec;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** Encodes the {@code body} argument for one declared media type. Chosen once per media type. */
interface BodyEncoder {

  /**
   * @param body the body argument, never absent
   * @throws BindException when the argument cannot be sent as this media type
   */
  EncodedBody encode(JsonNode body);

  /** Ordered factories: each returns null for a media type that is not its own; first wins. */
  List<Function<MediaTypeSpec, BodyEncoder>> FACTORIES =
      List.of(
          JsonBodyEncoder::forType,
          FormBodyEncoder::forType,
          MultipartBodyEncoder::forType,
          TextBodyEncoder::forTextType,
          BinaryBodyEncoder::forType,
          TextBodyEncoder::forAnyType);

  static BodyEncoder forType(MediaTypeSpec mediaType) {
    for (Function<MediaTypeSpec, BodyEncoder> factory : FACTORIES) {
      BodyEncoder encoder = factory.apply(mediaType);
      if (encoder != null) return encoder;
    }
    throw new AssertionError("TextBodyEncoder.forAnyType accepts every media type");
  }
}
