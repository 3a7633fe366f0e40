package dev.executortools.parse;

import dev.executortools.ErrorCode;
import dev.executortools.internal.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.converter.SwaggerConverter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Swagger 2.0 to OpenAPI 3.0 with swagger-parser's converter. The converter gets the document as
 * JSON text (already read and checked by us), so its own YAML limits and ref resolution never see
 * the raw input.
 */
final class Swagger2Converter {
  private static final List<String> SHAPE_KEYWORDS =
      List.of(
          "type",
          "$ref",
          "properties",
          "additionalProperties",
          "allOf",
          "items",
          "required",
          "discriminator",
          "enum");

  private Swagger2Converter() {}

  record Converted(JsonNode root, List<String> messages) {}

  static Converted convert(JsonNode swagger) throws SpecException {
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    SwaggerParseResult result;
    try {
      result = new SwaggerConverter().readContents(Json.write(swagger), null, options);
    } catch (RuntimeException e) {
      throw new SpecException(
          ErrorCode.OPENAPI_PARSE_FAILED,
          "Swagger 2.0 conversion failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    OpenAPI openApi = result == null ? null : result.getOpenAPI();
    List<String> messages =
        result == null || result.getMessages() == null
            ? List.of()
            : List.copyOf(result.getMessages());
    if (openApi == null) {
      throw new SpecException(
          ErrorCode.OPENAPI_PARSE_FAILED,
          "Swagger 2.0 conversion failed"
              + (messages.isEmpty() ? "" : ": " + String.join("; ", messages)));
    }
    try {
      String json = io.swagger.v3.core.util.Json.mapper().writeValueAsString(openApi);
      JsonNode converted = Json.parse(json);
      keepShapelessDefinitionsUntyped(swagger, converted);
      return new Converted(converted, messages);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new SpecException(
          ErrorCode.OPENAPI_PARSE_FAILED,
          "Swagger 2.0 conversion failed: " + e.getOriginalMessage());
    }
  }

  /**
   * The converter gives every definition without a {@code type} {@code type: object}. One that says
   * nothing of its shape accepts any value (Kubernetes' {@code meta.v1.Patch}: a JSON Patch is an
   * array), so that added type is taken off again.
   */
  private static void keepShapelessDefinitionsUntyped(JsonNode swagger, JsonNode converted) {
    JsonNode schemas = converted.path("components").path("schemas");
    for (Map.Entry<String, JsonNode> definition : swagger.path("definitions").properties()) {
      JsonNode original = definition.getValue();
      if (!original.isObject() || SHAPE_KEYWORDS.stream().anyMatch(original::has)) continue;
      if (schemas.get(definition.getKey()) instanceof ObjectNode schema
          && "object".equals(Json.text(schema, "type"))) {
        schema.remove("type");
      }
    }
  }
}
