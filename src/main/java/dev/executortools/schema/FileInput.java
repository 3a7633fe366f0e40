package dev.executortools.schema;

import dev.executortools.internal.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A file an argument carries ({@code type: string, format: binary} in a request): arguments are
 * JSON, so the content comes base64-encoded, as a string or as {@code {"base64", "filename"?,
 * "contentType"?}} (what the bind stage reads for multipart parts and binary bodies).
 */
final class FileInput {
  private static final String HINT =
      "File content, base64-encoded: a string, or {\"base64\": ..., \"filename\": ..., \"contentType\": ...}.";

  private FileInput() {}

  static boolean applies(ObjectNode schema) {
    JsonNode type = schema.get("type");
    return type != null
        && type.isString()
        && type.stringValue().equals("string")
        && "binary".equals(Json.text(schema, "format"));
  }

  static ObjectNode wrap(ObjectNode binary) {
    ObjectNode file = Json.object();
    for (String annotation : new String[] {"title", "deprecated", "readOnly", "writeOnly"}) {
      if (binary.has(annotation)) file.set(annotation, binary.get(annotation));
    }
    String description = Json.text(binary, "description");
    file.put("description", description == null ? HINT : description + " " + HINT);
    ObjectNode text =
        file.putArray("anyOf").addObject().put("type", "string").put("contentEncoding", "base64");
    if (binary.has("contentMediaType"))
      text.set("contentMediaType", binary.get("contentMediaType"));
    ObjectNode object =
        ((tools.jackson.databind.node.ArrayNode) file.get("anyOf"))
            .addObject()
            .put("type", "object");
    ObjectNode properties = object.putObject("properties");
    properties.putObject("base64").put("type", "string").put("contentEncoding", "base64");
    properties.putObject("filename").put("type", "string");
    properties.putObject("contentType").put("type", "string");
    object.putArray("required").add("base64");
    object.put("additionalProperties", false);
    return file;
  }
}
