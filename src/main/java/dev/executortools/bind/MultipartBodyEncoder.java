package dev.executortools.bind;

import dev.executortools.extract.MediaTypeSpec;
import dev.executortools.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okio.Buffer;
import tools.jackson.databind.JsonNode;

/**
 * {@code multipart/form-data} (and other {@code multipart/*}), built with OkHttp's {@link
 * MultipartBody}: one part per top-level property, one per element for arrays. File content (a
 * binary schema, a binary {@code encoding.contentType}, or a {@code {"base64": ...}} value) becomes
 * a file part with a filename (given, else the property name); objects become JSON parts; other
 * values plain text parts. {@code encoding.contentType} sets a part's type; an {@code encoding}
 * {@code style}/{@code explode} splits a property into one text part per pair, unencoded ({@code
 * file_link_data[create]} = {@code true}, as Stripe's file upload declares).
 */
final class MultipartBodyEncoder implements BodyEncoder {
  private static final String OCTET_STREAM = "application/octet-stream";

  private final MediaType type;
  private final JsonNode schema;
  private final JsonNode encoding;

  private MultipartBodyEncoder(MediaType type, JsonNode schema, JsonNode encoding) {
    this.type = type;
    this.schema = schema;
    this.encoding = encoding != null && encoding.isObject() ? encoding : null;
  }

  static BodyEncoder forType(MediaTypeSpec mediaType) {
    if (!MediaTypes.isMultipart(mediaType.mediaType())) return null;
    MediaType type = MediaType.parse(MediaTypes.essence(mediaType.mediaType()));
    return new MultipartBodyEncoder(
        type != null ? type : MultipartBody.FORM, mediaType.schema(), mediaType.encoding());
  }

  @Override
  public EncodedBody encode(JsonNode body) {
    if (!body.isObject()) {
      throw new BindException("/body", "a multipart body must be an object of parts");
    }
    MultipartBody.Builder builder = new MultipartBody.Builder().setType(type);
    for (Map.Entry<String, JsonNode> field : body.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (Values.isAbsent(value)) continue;
      EncodingRule rule = EncodingRule.of(encoding, name);
      String partType = rule.contentType();
      JsonNode propertySchema = BinarySchemas.property(schema, name);
      String pointer = "/body" + BindException.pointerTo(name);
      if (rule.hasStyle() && !FileContent.isFileObject(value)) {
        for (QueryPair pair :
            PairSerializer.serialize(rule.style(), name, value, rule.explode(), PairEncoding.RAW)) {
          builder.addFormDataPart(pair.name(), pair.value());
        }
      } else if (value.isArray() && !MediaTypes.isJson(partType) && !isStructured(value)) {
        int index = 0;
        for (JsonNode element : value) {
          addPart(
              builder,
              name,
              element,
              BinarySchemas.items(propertySchema),
              partType,
              pointer + "/" + index++);
        }
      } else {
        addPart(builder, name, value, propertySchema, partType, pointer);
      }
    }
    MultipartBody multipart = builder.build();
    return new EncodedBody(bytes(multipart), multipart.contentType().toString());
  }

  private void addPart(
      MultipartBody.Builder builder,
      String name,
      JsonNode value,
      JsonNode partSchema,
      String partType,
      String pointer) {
    if (Values.isAbsent(value)) return;
    if (isFile(value, partSchema, partType)) {
      FileContent content = FileContent.read(value, pointer);
      String filename = content.filename() != null ? content.filename() : name;
      builder.addFormDataPart(
          name,
          filename,
          RequestBody.create(content.bytes(), fileType(content, partSchema, partType)));
    } else if (value.isContainer() || MediaTypes.isJson(partType)) {
      MediaType json = MediaType.parse(partType != null ? partType : "application/json");
      builder.addFormDataPart(
          name, null, RequestBody.create(Json.MAPPER.writeValueAsBytes(value), json));
    } else if (partType == null) {
      builder.addFormDataPart(name, Values.text(value));
    } else {
      byte[] text = Values.text(value).getBytes(StandardCharsets.UTF_8);
      builder.addFormDataPart(name, null, RequestBody.create(text, MediaType.parse(partType)));
    }
  }

  /**
   * An array of objects (Telegram's {@code caption_entities}) is one JSON part, as servers read it;
   * arrays of primitives and of files stay one part per element.
   */
  private static boolean isStructured(JsonNode array) {
    if (array.isEmpty()) return false;
    for (JsonNode element : array) {
      if (!element.isContainer() || FileContent.isFileObject(element)) return false;
    }
    return true;
  }

  private static boolean isFile(JsonNode value, JsonNode partSchema, String partType) {
    if (FileContent.isFileObject(value)) return true;
    return value.isString()
        && (BinarySchemas.isBinary(partSchema)
            || (partType != null && MediaTypes.isBinary(partType)));
  }

  /**
   * The content's own type, else the encoding's (unless a range), else the schema's, else
   * octet-stream.
   */
  private static MediaType fileType(FileContent content, JsonNode partSchema, String partType) {
    String type = content.contentType();
    if (type == null && partType != null && !MediaTypes.isRange(partType)) type = partType;
    if (type == null) type = Json.text(partSchema, "contentMediaType");
    MediaType parsed = type == null ? null : MediaType.parse(type);
    return parsed != null ? parsed : MediaType.parse(OCTET_STREAM);
  }

  private static byte[] bytes(MultipartBody body) {
    try (Buffer buffer = new Buffer()) {
      body.writeTo(buffer);
      return buffer.readByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
