package dev.executortools.schema;

import dev.executortools.internal.Json;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates one raw OpenAPI 3.0 / 3.1 schema into JSON Schema 2020-12 that always satisfies the
 * meta-schema: keywords are kept only when their value is valid (an allow-list, so {@code x-*},
 * {@code xml}, {@code externalDocs}, {@code discriminator}, {@code $id}… disappear), OpenAPI 3.0
 * and Swagger 2 forms are rewritten, and every {@code $ref} points into the tool's own {@code
 * $defs}.
 *
 * <p>Document nodes that are plain values ({@code enum}, {@code default}, {@code examples}) are
 * shared with the document, not copied: translated schemas are read-only.
 */
final class SchemaTranslator {
  /** Deeper inline nesting than this becomes {@code {}}: no real schema needs it. */
  static final int MAX_DEPTH = 96;

  private final DefTable defs;
  private final Descriptions descriptions;

  SchemaTranslator(DefTable defs, Descriptions descriptions) {
    this.defs = defs;
    this.descriptions = descriptions;
  }

  /**
   * One translation: which way the schema is used, and what was found out besides its result.
   *
   * <p>{@code owner} is the def being translated, or null for an operation's inline schema; {@code
   * input} is true for arguments (readOnly properties are not required there) and false for
   * responses (writeOnly properties are not required); {@code directional} becomes true when the
   * result depends on that.
   */
  static final class Scope {
    final String owner;
    final boolean input;
    final Set<String> refs = new LinkedHashSet<>();
    boolean directional;

    Scope(String owner, boolean input) {
      this.owner = owner;
      this.input = input;
    }
  }

  ObjectNode translate(JsonNode raw, Scope scope) {
    return translate(raw, scope, true, 0);
  }

  /**
   * @param inPlace true while the schema applies to the same instance as the scope's root (through
   *     {@code $ref}, {@code allOf}, {@code not}…), where a reference back to the owner would loop
   */
  private ObjectNode translate(JsonNode raw, Scope scope, boolean inPlace, int depth) {
    if (raw != null && raw.isBoolean() && !raw.booleanValue())
      return Json.object().set("not", Json.object());
    if (raw == null || !raw.isObject()) return Json.object();
    if (depth > MAX_DEPTH)
      return Json.object().put("description", "(Schema nested too deeply; not checked.)");
    ObjectNode out = Json.object();
    String note = null;
    boolean nullable = false;
    boolean exclusiveMinimum = false;
    boolean exclusiveMaximum = false;
    JsonNode example = null;
    JsonNode arrayItems = null;
    JsonNode additionalItems = null;
    for (Map.Entry<String, JsonNode> entry : raw.properties()) {
      String key = entry.getKey();
      JsonNode value = entry.getValue();
      switch (key) {
        case "$ref" -> note = reference(value, out, scope, inPlace);
        case "type" -> {
          put(out, key, KeywordValues.type(value));
          if (KeywordValues.isFileType(value)) out.put("contentEncoding", "base64");
        }
        case "title", "description" -> put(out, key, descriptions.shown(value));
        case "format", "$comment", "contentEncoding", "contentMediaType" ->
            put(out, key, KeywordValues.string(value));
        case "deprecated", "readOnly", "writeOnly", "uniqueItems" ->
            put(out, key, KeywordValues.bool(value));
        case "default", "const" -> out.set(key, value);
        case "enum" -> put(out, key, KeywordValues.nonEmptyArray(value));
        case "examples" -> put(out, key, value.isArray() ? value : null);
        case "example" -> example = value;
        case "multipleOf" -> put(out, key, KeywordValues.positiveNumber(value));
        case "minimum", "maximum" -> put(out, key, KeywordValues.number(value));
        case "exclusiveMinimum" -> {
          exclusiveMinimum = value.isBoolean() && value.booleanValue();
          put(out, key, KeywordValues.number(value));
        }
        case "exclusiveMaximum" -> {
          exclusiveMaximum = value.isBoolean() && value.booleanValue();
          put(out, key, KeywordValues.number(value));
        }
        case "minLength",
            "maxLength",
            "minItems",
            "maxItems",
            "minProperties",
            "maxProperties",
            "minContains",
            "maxContains" ->
            put(out, key, KeywordValues.nonNegativeInteger(value));
        case "pattern" -> put(out, key, KeywordValues.pattern(value));
        case "required" -> put(out, key, required(value, raw.get("properties"), scope));
        case "nullable" -> nullable = value.isBoolean() && value.booleanValue();
        case "properties" -> put(out, key, schemaMap(value, scope, false, depth, false));
        case "patternProperties" -> put(out, key, schemaMap(value, scope, false, depth, true));
        case "dependentSchemas" -> put(out, key, schemaMap(value, scope, inPlace, depth, false));
        case "dependentRequired" -> put(out, key, dependentRequired(value));
        case "dependencies" -> dependencies(value, out, scope, inPlace, depth);
        case "additionalProperties", "unevaluatedProperties", "unevaluatedItems" ->
            out.set(key, subschema(value, scope, false, depth, true));
        case "propertyNames", "contains", "contentSchema" ->
            out.set(key, subschema(value, scope, false, depth, false));
        case "not", "if", "then", "else" ->
            out.set(key, subschema(value, scope, inPlace, depth, false));
        case "allOf", "anyOf", "oneOf" -> put(out, key, schemaList(value, scope, inPlace, depth));
        case "prefixItems" -> put(out, key, schemaList(value, scope, false, depth));
        case "items" -> {
          if (value.isArray()) arrayItems = value;
          else out.set(key, subschema(value, scope, false, depth, true));
        }
        case "additionalItems" -> additionalItems = value;
        default -> {} // x-*, xml, externalDocs, discriminator, $id, $schema, $defs, unknown words
      }
    }
    if (arrayItems != null) tupleItems(out, arrayItems, additionalItems, scope, depth);
    if (exclusiveMinimum) moveBound(out, "minimum", "exclusiveMinimum");
    if (exclusiveMaximum) moveBound(out, "maximum", "exclusiveMaximum");
    if (example != null && !out.has("examples")) out.set("examples", Json.array().add(example));
    if (note != null) {
      String description = Json.text(out, "description");
      out.put("description", description == null ? note : description + " " + note);
    }
    if (FileInput.applies(out)) {
      scope.directional = true; // a file to send takes other forms than a file received
      if (scope.input) out = FileInput.wrap(out);
    }
    return nullable ? Nullable.apply(out) : out;
  }

  /** Sets a {@code $ref} into the tool's {@code $defs}; returns a note when it cannot. */
  private String reference(JsonNode value, ObjectNode out, Scope scope, boolean inPlace) {
    if (!value.isString()) return null;
    String ref = value.stringValue();
    String name = defs.names().nameFor(ref);
    if (name == null) return "(Unresolved reference '" + ref + "': any value is accepted here.)";
    if (inPlace && scope.owner != null && defs.leadsBackInPlace(name, scope.owner)) {
      return "(Reference '" + ref + "' loops back to this schema without nesting; left out.)";
    }
    scope.refs.add(name);
    out.put("$ref", DefNames.refTo(name));
    return null;
  }

  /**
   * OpenAPI: a required readOnly property is required in responses only, a required writeOnly one
   * in requests only.
   */
  private ArrayNode required(JsonNode value, JsonNode rawProperties, Scope scope) {
    ArrayNode names = KeywordValues.stringArray(value);
    if (names == null || rawProperties == null || !rawProperties.isObject()) return names;
    ArrayNode kept = Json.array();
    for (JsonNode name : names) {
      JsonNode property = rawProperties.get(name.stringValue());
      boolean readOnly = flagged(property, "readOnly");
      boolean writeOnly = flagged(property, "writeOnly");
      scope.directional |= readOnly || writeOnly;
      if (!(scope.input ? readOnly : writeOnly)) kept.add(name);
    }
    return kept.isEmpty() ? null : kept;
  }

  /** The property schema, or the schema its {@code $ref} names, says {@code keyword: true}. */
  private boolean flagged(JsonNode property, String keyword) {
    if (property == null || !property.isObject()) return false;
    if (isTrue(property.get(keyword))) return true;
    String ref = Json.text(property, "$ref");
    String name = ref == null ? null : defs.names().nameFor(ref);
    return name != null && isTrue(defs.names().target(name).get(keyword));
  }

  private static boolean isTrue(JsonNode value) {
    return value != null && value.isBoolean() && value.booleanValue();
  }

  private JsonNode subschema(
      JsonNode raw, Scope scope, boolean inPlace, int depth, boolean keepBoolean) {
    if (keepBoolean && raw.isBoolean()) return raw;
    return translate(raw, scope, inPlace, depth + 1);
  }

  private ArrayNode schemaList(JsonNode raw, Scope scope, boolean inPlace, int depth) {
    if (!raw.isArray() || raw.isEmpty()) return null;
    ArrayNode out = Json.array();
    for (JsonNode item : raw) out.add(translate(item, scope, inPlace, depth + 1));
    return out;
  }

  private ObjectNode schemaMap(
      JsonNode raw, Scope scope, boolean inPlace, int depth, boolean regexKeys) {
    if (!raw.isObject()) return null;
    ObjectNode out = Json.object();
    for (Map.Entry<String, JsonNode> entry : raw.properties()) {
      if (regexKeys && !KeywordValues.compiles(entry.getKey())) continue;
      out.set(entry.getKey(), translate(entry.getValue(), scope, inPlace, depth + 1));
    }
    return out;
  }

  private static ObjectNode dependentRequired(JsonNode raw) {
    if (!raw.isObject()) return null;
    ObjectNode out = Json.object();
    for (Map.Entry<String, JsonNode> entry : raw.properties()) {
      ArrayNode names = KeywordValues.stringArray(entry.getValue());
      out.set(entry.getKey(), names == null ? Json.array() : names);
    }
    return out;
  }

  /**
   * Draft 4–7 {@code dependencies}: name lists become dependentRequired, schemas dependentSchemas.
   */
  private void dependencies(JsonNode raw, ObjectNode out, Scope scope, boolean inPlace, int depth) {
    if (!raw.isObject() || out.has("dependentRequired") || out.has("dependentSchemas")) return;
    ObjectNode required = Json.object();
    ObjectNode schemas = Json.object();
    for (Map.Entry<String, JsonNode> entry : raw.properties()) {
      if (entry.getValue().isArray()) {
        ArrayNode names = KeywordValues.stringArray(entry.getValue());
        required.set(entry.getKey(), names == null ? Json.array() : names);
      } else {
        schemas.set(entry.getKey(), translate(entry.getValue(), scope, inPlace, depth + 1));
      }
    }
    if (!required.isEmpty()) out.set("dependentRequired", required);
    if (!schemas.isEmpty()) out.set("dependentSchemas", schemas);
  }

  /**
   * Tuple form {@code items: [..]} (+ {@code additionalItems}) becomes {@code prefixItems} (+
   * {@code items}).
   */
  private void tupleItems(
      ObjectNode out, JsonNode items, JsonNode additional, Scope scope, int depth) {
    if (out.has("prefixItems")) return;
    put(out, "prefixItems", schemaList(items, scope, false, depth));
    if (additional != null && !out.has("items"))
      out.set("items", subschema(additional, scope, false, depth, true));
  }

  /**
   * OpenAPI 3.0 {@code exclusiveMinimum: true} + {@code minimum: m} is 2020-12 {@code
   * exclusiveMinimum: m}.
   */
  private static void moveBound(ObjectNode out, String inclusive, String exclusive) {
    JsonNode bound = out.get(inclusive);
    if (bound == null || out.has(exclusive)) return;
    out.remove(inclusive);
    out.set(exclusive, bound);
  }

  private static void put(ObjectNode out, String key, JsonNode value) {
    if (value != null) out.set(key, value);
  }
}
