package dev.executortools.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.internal.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ModelSchemasTest {
  private static final String PAD = "x".repeat(2_000);

  /** body → A → B → C, plus D reachable only from C; C and D are large. */
  private static ObjectNode chain() {
    return (ObjectNode)
        Json.parse(
            """
        {"type": "object", "additionalProperties": false, "required": ["body"],
         "properties": {"body": {"$ref": "#/$defs/A"}},
         "$defs": {
           "A": {"type": "object", "properties": {"b": {"$ref": "#/$defs/B"}}, "required": ["b"]},
           "B": {"type": "object", "properties": {"c": {"$ref": "#/$defs/C"}, "n": {"type": "integer"}}},
           "C": {"type": "object", "description": "%s", "properties": {"d": {"$ref": "#/$defs/D"},
                 "value": {"type": "string", "maxLength": 3}}},
           "D": {"type": "object", "description": "%s", "properties": {"e": {"type": "boolean"}}}}}
        """
                .formatted(PAD, PAD));
  }

  @Test
  void aSchemaWithinTheBudgetIsReturnedAsIs() {
    ObjectNode full = chain();
    assertThat(ModelSchemas.forModel(full, 64 * 1024, "ns.tool")).isSameAs(full);
  }

  @Test
  void theDeepestDefinitionBecomesAPlaceholderFirst() {
    ObjectNode full = chain();
    String before = Json.write(full);

    ObjectNode model = ModelSchemas.forModel(full, 3_000, "ns.tool");

    assertThat(ModelSchemas.sizeOf(model)).isLessThanOrEqualTo(3_000);
    assertThat(Json.write(full)).as("the full schema is untouched").isEqualTo(before);
    JsonNode defs = model.path("$defs");
    assertThat(defs.propertyNames()).containsExactlyInAnyOrder("A", "B", "C", "D");
    for (String kept : new String[] {"A", "B", "C"})
      assertThat(defs.get(kept)).isSameAs(full.path("$defs").get(kept));
    assertThat(defs.path("D").propertyNames()).containsExactly("description");
    assertThat(defs.path("D").path("description").asString())
        .contains("'D'")
        .contains("describe_tool {\"id\": \"ns.tool\", \"definition\": \"D\"}")
        .contains("tools describe ns.tool --definition D");
    MetaSchema.assertValid(model);
  }

  @Test
  void definitionsOnlyAPlaceholderReachedAreDropped() {
    ObjectNode full = chain();

    ObjectNode model = ModelSchemas.forModel(full, 1_200, "ns.tool");

    assertThat(ModelSchemas.sizeOf(model)).isLessThanOrEqualTo(1_200);
    assertThat(model.path("$defs").propertyNames()).containsExactlyInAnyOrder("A", "B", "C");
    assertThat(model.path("$defs").path("C").propertyNames()).containsExactly("description");
    MetaSchema.assertValid(model);
  }

  @Test
  void argumentsTheFullSchemaAcceptsTheCutOneAcceptsToo() {
    ObjectNode full = chain();
    ObjectNode model = ModelSchemas.forModel(full, 1_200, "ns.tool");
    JsonNode valid =
        Json.parse(
            "{\"body\": {\"b\": {\"n\": 1, \"c\": {\"value\": \"abc\", \"d\": {\"e\": true}}}}}");
    JsonNode invalidInC = Json.parse("{\"body\": {\"b\": {\"c\": {\"value\": \"too long\"}}}}");

    assertThat(ArgumentValidator.forSchema(full).validate(valid)).isEmpty();
    assertThat(ArgumentValidator.forSchema(model).validate(valid)).isEmpty();
    // what the placeholder lets through, the full schema (used on every call) still refuses
    assertThat(ArgumentValidator.forSchema(model).validate(invalidInC)).isEmpty();
    assertThat(ArgumentValidator.forSchema(full).validate(invalidInC)).isNotEmpty();
  }

  @Test
  void partFindsADefinitionByNameOrAPointer() {
    ObjectNode full = chain();
    ObjectNode output =
        (ObjectNode)
            Json.parse(
                "{\"$ref\": \"#/$defs/Out\", \"$defs\": {\"Out\": {\"type\": \"string\"}, \"C\": {}}}");
    assertThat(SchemaPart.find(full, output, "C"))
        .contains(new SchemaPart("/inputSchema/$defs/C", full.path("$defs").get("C")));
    assertThat(SchemaPart.find(full, output, "Out"))
        .contains(new SchemaPart("/outputSchema/$defs/Out", output.path("$defs").get("Out")));
    assertThat(SchemaPart.find(full, output, "/outputSchema/$defs/C").map(SchemaPart::schema))
        .contains(Json.object());
    assertThat(SchemaPart.find(full, output, "/properties/body").map(SchemaPart::schema))
        .contains(full.path("properties").get("body"));
    assertThat(SchemaPart.find(full, null, "Out")).isEmpty();
    assertThat(SchemaPart.find(full, output, "Nope")).isEmpty();
    assertThat(SchemaPart.find(full, output, "")).isEmpty();
  }
}
