package dev.executortools.langchain4j;

import dev.executortools.internal.Json;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A tool's model-facing input schema as LangChain4j tool parameters, without loss: each property
 * and each {@code $defs} entry is kept as its raw JSON Schema ({@link JsonRawSchema}), so patterns,
 * formats, unions and {@code $ref}s reach the model as the registry wrote them.
 */
final class ParameterSchemas {
  private ParameterSchemas() {}

  static JsonObjectSchema of(String inputSchema) {
    JsonNode schema = Json.parse(inputSchema);
    JsonObjectSchema.Builder parameters = JsonObjectSchema.builder();
    parameters.addProperties(raw(schema.path("properties")));
    Map<String, ?> defs = raw(schema.path("$defs"));
    if (!defs.isEmpty()) parameters.definitions(raw(schema.path("$defs")));
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(name -> required.add(name.asString()));
    parameters.required(required);
    if (schema.path("additionalProperties").isBoolean())
      parameters.additionalProperties(schema.get("additionalProperties").asBoolean());
    return parameters.build();
  }

  private static Map<String, dev.langchain4j.model.chat.request.json.JsonSchemaElement> raw(
      JsonNode object) {
    Map<String, dev.langchain4j.model.chat.request.json.JsonSchemaElement> out =
        new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : object.properties()) {
      out.put(entry.getKey(), JsonRawSchema.from(entry.getValue().toString()));
    }
    return out;
  }
}
