package dev.executortools.schema;

import static dev.executortools.schema.SchemaCompilerTest.json;
import static dev.executortools.schema.TinySpec.bodyOnly;
import static dev.executortools.schema.TinySpec.document;
import static dev.executortools.schema.TinySpec.withSchemas;
import static dev.executortools.schema.TinySpec.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.parse.SpecDocument;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** OpenAPI 3.0 / Swagger 2 / 3.1 schemas as they come out in a tool's {@code body}. */
class SchemaTranslatorTest {
  private static final SpecDocument DOC =
      withSchemas(
          """
      Pet: {type: object, properties: {name: {type: string}}}
      """);

  /** The translated body schema (compiled input schema checked against the meta-schema). */
  private static JsonNode body(SpecDocument doc, String schemaYaml) {
    ObjectNode input =
        MetaSchema.assertValid(
            new SchemaCompiler(doc).inputSchema(bodyOnly(schemaYaml), Set.of()).schema());
    return json(input.get("properties").get("body"));
  }

  private static JsonNode body(String schemaYaml) {
    return body(DOC, schemaYaml);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      {type: string, nullable: true}                          | {type: [string, 'null']}
      {type: [string, integer], nullable: true}               | {type: [string, integer, 'null']}
      {type: string, enum: [a, b], nullable: true}            | {type: [string, 'null'], enum: [a, b, null]}
      {type: string, enum: [a, null], nullable: true}         | {type: [string, 'null'], enum: [a, null]}
      {enum: [1, 2], nullable: true}                          | {enum: [1, 2, null]}
      {type: string, nullable: false}                         | {type: string}
      {$ref: '#/components/schemas/Pet', nullable: true}      | {anyOf: [{$ref: '#/$defs/Pet'}, {type: 'null'}]}
      {allOf: [{$ref: '#/components/schemas/Pet'}], nullable: true, description: d} | {description: d, anyOf: [{allOf: [{$ref: '#/$defs/Pet'}]}, {type: 'null'}]}
      {oneOf: [{type: string}, {type: integer}], nullable: true} | {anyOf: [{oneOf: [{type: string}, {type: integer}]}, {type: 'null'}]}
      {anyOf: [{type: string}, {type: integer}], nullable: true} | {anyOf: [{type: string}, {type: integer}, {type: 'null'}]}
      """)
  void nullableBecomesAUnionWithNull(String raw, String expected) {
    assertThat(body(raw)).isEqualTo(yaml(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      {type: number, minimum: 0, exclusiveMinimum: true}      | {type: number, exclusiveMinimum: 0}
      {type: number, exclusiveMaximum: true, maximum: 10}     | {type: number, exclusiveMaximum: 10}
      {type: number, minimum: 0, exclusiveMinimum: false}     | {type: number, minimum: 0}
      {type: number, exclusiveMinimum: true}                  | {type: number}
      {type: number, exclusiveMinimum: 3}                     | {type: number, exclusiveMinimum: 3}
      """)
  void booleanExclusiveBoundsBecomeNumeric(String raw, String expected) {
    assertThat(body(raw)).isEqualTo(yaml(expected));
  }

  @Test
  void exampleBecomesExamplesUnlessThereAreExamplesAlready() {
    assertThat(body("{type: string, example: abc}"))
        .isEqualTo(yaml("{type: string, examples: [abc]}"));
    assertThat(body("{type: string, example: abc, examples: [x]}"))
        .isEqualTo(yaml("{type: string, examples: [x]}"));
  }

  @Test
  void openApiOnlyKeysAreDropped() {
    assertThat(
            body(
                """
        {type: object, xml: {name: pet}, externalDocs: {url: 'https://x'}, x-internal: true,
         discriminator: {propertyName: kind}, properties: {kind: {type: string, x-order: 1}}}
        """))
        .isEqualTo(yaml("{type: object, properties: {kind: {type: string}}}"));
  }

  @Test
  void annotationsAreKept() {
    String annotated =
        """
        {title: T, description: D, default: x, format: email, readOnly: true, writeOnly: false,
         deprecated: true, const: x, enum: [x], examples: [x], type: string}
        """;
    assertThat(body(annotated)).isEqualTo(yaml(annotated));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      {type: file}                                            | {type: string, contentEncoding: base64}
      {type: object, properties: {a: {type: string, required: true}}, required: a} | {type: object, properties: {a: {type: string}}}
      {type: [object], required: [a, a, 3]}                   | {type: object, required: [a]}
      {type: String}                                          | {type: string}
      {type: int}                                             | {type: integer}
      {type: date}                                            | {}
      {type: string, enum: abc}                               | {type: string}
      {type: string, enum: []}                                | {type: string}
      {type: string, minLength: -1, maxLength: 2.0}           | {type: string, maxLength: 2}
      {type: string, maxLength: 2.5, pattern: '(unclosed'}    | {type: string}
      {type: string, pattern: '^[a-z]+$'}                     | {type: string, pattern: '^[a-z]+$'}
      {type: array, items: [{type: string}, {type: integer}]} | {type: array, prefixItems: [{type: string}, {type: integer}]}
      {type: array, items: [{type: string}], additionalItems: false} | {type: array, prefixItems: [{type: string}], items: false}
      {type: number, multipleOf: 0, minimum: '1', maximum: 1e400, exclusiveMaximum: 9} | {type: number, exclusiveMaximum: 9}
      {title: 5, description: [x], readOnly: 'yes', uniqueItems: 1} | {}
      {allOf: [], anyOf: {type: string}, oneOf: [{type: string}]} | {oneOf: [{type: string}]}
      {type: object, additionalProperties: {type: integer}}   | {type: object, additionalProperties: {type: integer}}
      {type: object, properties: {a: 3, b: true, c: false}}   | {type: object, properties: {a: {}, b: {}, c: {not: {}}}}
      {type: object, patternProperties: {'^x-': {type: string}, '(': {}}} | {type: object, patternProperties: {'^x-': {type: string}}}
      {dependencies: {a: [b], c: {required: [d]}}}            | {dependentRequired: {a: [b]}, dependentSchemas: {c: {required: [d]}}}
      """)
  void swaggerAndBrokenFormsAreMadeValidOrDropped(String raw, String expected) {
    assertThat(body(raw)).isEqualTo(yaml(expected));
  }

  @Test
  void theMetaSchemaCheckRejectsWhatTheTranslationRepairs() {
    assertThat(
            MetaSchema.violations(
                yaml("{type: file, required: true, minLength: -1, items: [{}], enum: a}")))
        .hasSizeGreaterThanOrEqualTo(5);
    assertThat(body("{type: file, required: true, minLength: -1, items: [{}], enum: a}"))
        .isEqualTo(yaml("{type: string, contentEncoding: base64, prefixItems: [{}]}"));
  }

  @Test
  void openApi31SchemasPassThroughApartFromRefsAndOpenApiKeys() {
    SpecDocument doc =
        document(
            "3.1.0",
            """
        Tag: {type: [string, 'null'], examples: [a], $id: 'https://x/tag', $schema: 'https://json-schema.org/draft/2020-12/schema'}
        """);
    String raw =
        """
        {type: object, properties: {tag: {$ref: '#/components/schemas/Tag', description: sibling},
         n: {type: number, exclusiveMinimum: 0}, list: {type: array, prefixItems: [{const: 1}], items: false},
         m: {type: object, unevaluatedProperties: false, dependentRequired: {a: [b]}}},
         x-extra: 1, discriminator: {propertyName: tag}, xml: {}}
        """;

    ObjectNode input =
        MetaSchema.assertValid(
            new SchemaCompiler(doc).inputSchema(bodyOnly(raw), Set.of()).schema());

    assertThat(json(input.get("properties").get("body")))
        .isEqualTo(
            yaml(
                """
        {type: object, properties: {tag: {$ref: '#/$defs/Tag', description: sibling},
         n: {type: number, exclusiveMinimum: 0}, list: {type: array, prefixItems: [{const: 1}], items: false},
         m: {type: object, unevaluatedProperties: false, dependentRequired: {a: [b]}}}}
        """));
    assertThat(json(input.get("$defs").get("Tag")))
        .isEqualTo(yaml("{type: [string, 'null'], examples: [a]}"));
  }

  @Test
  void referencesLeavingTheDocumentAreNotFollowed() {
    JsonNode translated =
        body(
            "{type: object, properties: {r: {$ref: 'https://example.com/pet.json'}, a: {$ref: '#anchor'}}}");

    assertThat(translated.get("properties").get("r").get("description").stringValue())
        .contains("Unresolved reference 'https://example.com/pet.json'");
    assertThat(translated.get("properties").get("a").has("$ref")).isFalse();
  }

  @Test
  void absurdlyDeepInlineNestingIsCutOff() {
    String deep =
        "{type: object, properties: {a: ".repeat(150) + "{type: string}" + "}}".repeat(150);

    JsonNode translated = body(deep);

    assertThat(translated.toString())
        .contains("nested too deeply")
        .doesNotContain("\"type\":\"string\"");
  }
}
