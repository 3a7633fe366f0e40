package dev.executortools.parse;

import dev.executortools.ErrorCode;
import dev.executortools.internal.Json;
import dev.executortools.internal.Limits;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

/**
 * Text (JSON or YAML) to an OpenAPI 3.x document tree. Swagger 2.0 is converted; references that
 * leave the document are refused before anything else looks at it.
 */
public final class SpecReader {
  private SpecReader() {}

  public static SpecDocument read(String text) throws SpecException {
    if (text == null || text.isBlank()) {
      throw new SpecException(ErrorCode.OPENAPI_PARSE_FAILED, "the document is empty");
    }
    JsonNode root = parseTree(text);
    if (root == null || !root.isObject()) {
      throw new SpecException(
          ErrorCode.OPENAPI_PARSE_FAILED,
          "not an OpenAPI document: expected a JSON or YAML object at the top level");
    }
    RefPolicy.requireLocalRefs(root);
    String swagger = scalarText(root.get("swagger"));
    String openapi = scalarText(root.get("openapi"));
    List<String> warnings = new ArrayList<>();
    String declared;
    if (openapi != null && openapi.startsWith("3.")) {
      declared = openapi;
    } else if (swagger != null && swagger.startsWith("2")) {
      declared = swagger;
      requirePaths(root);
      Swagger2Converter.Converted converted = Swagger2Converter.convert(root);
      root = converted.root();
      converted.messages().forEach(m -> warnings.add("swagger 2.0 conversion: " + m));
    } else if (openapi != null || swagger != null) {
      throw new SpecException(
          ErrorCode.OPENAPI_PARSE_FAILED,
          "unsupported OpenAPI version "
              + (openapi != null ? openapi : swagger)
              + ": Swagger 2.0, OpenAPI 3.0 and 3.1 are supported");
    } else {
      throw new SpecException(
          ErrorCode.OPENAPI_PARSE_FAILED,
          "not an OpenAPI document: no 'openapi' or 'swagger' version field");
    }
    requirePaths(root);
    return new SpecDocument(root, declared, warnings);
  }

  private static JsonNode parseTree(String text) throws SpecException {
    if (text.length() > Limits.MAX_DOCUMENT_BYTES) {
      throw new SpecException(
          ErrorCode.OPENAPI_PARSE_FAILED,
          "the document is longer than "
              + Limits.bytes(Limits.MAX_DOCUMENT_BYTES)
              + " (the limit for one document)");
    }
    String trimmed = text.stripLeading();
    if (trimmed.startsWith("{")) {
      try (JsonParser parser = Json.MAPPER.createParser(text)) {
        return new TreeBuilder(parser, TreeBuilder.Anchors.NONE, false).document("JSON");
      } catch (JacksonException e) {
        // JSON that does not parse may still be YAML flow syntax: let the YAML reader judge.
      } catch (SpecException e) {
        if (!e.getMessage().startsWith("invalid JSON")) throw e; // a limit: YAML would meet it too
      }
    }
    return YamlTreeReader.read(text);
  }

  /** executor's own message when {@code paths} is missing, so that a catalog shows the same. */
  public static final String NO_PATHS = "OpenAPI document has no paths defined";

  /** Outside {@code paths} nothing makes an operation: a document without one is refused. */
  static final String PATHS_NOT_OBJECT = "the document's 'paths' is not an object";

  private static void requirePaths(JsonNode root) throws SpecException {
    JsonNode paths = root.get("paths");
    if (paths == null || paths.isNull()) {
      throw new SpecException(ErrorCode.OPENAPI_PARSE_FAILED, NO_PATHS);
    }
    if (!paths.isObject()) {
      throw new SpecException(ErrorCode.OPENAPI_PARSE_FAILED, PATHS_NOT_OBJECT);
    }
  }

  private static String scalarText(JsonNode node) {
    if (node == null || !(node.isString() || node.isNumber())) return null;
    return node.isString() ? node.stringValue() : node.asString();
  }
}
