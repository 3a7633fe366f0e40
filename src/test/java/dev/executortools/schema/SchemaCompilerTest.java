package dev.executortools.schema;

import static dev.executortools.schema.TinySpec.bodyOnly;
import static dev.executortools.schema.TinySpec.jsonBody;
import static dev.executortools.schema.TinySpec.operation;
import static dev.executortools.schema.TinySpec.param;
import static dev.executortools.schema.TinySpec.withSchemas;
import static dev.executortools.schema.TinySpec.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.extract.MediaTypeSpec;
import dev.executortools.extract.Operation;
import dev.executortools.extract.Param;
import dev.executortools.extract.RequestBodySpec;
import dev.executortools.extract.ServerSpec;
import dev.executortools.extract.ServerVariable;
import dev.executortools.internal.Json;
import dev.executortools.parse.SpecDocument;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class SchemaCompilerTest {
  private static final SpecDocument EMPTY = withSchemas("{}");

  /** Compiles and checks the result against the 2020-12 meta-schema every time. */
  static InputSchema compile(SpecDocument doc, Operation op) {
    return compile(doc, op, Set.of());
  }

  static InputSchema compile(SpecDocument doc, Operation op, Set<String> hidden) {
    InputSchema input = new SchemaCompiler(doc).inputSchema(op, hidden);
    MetaSchema.assertValid(input.schema());
    return input;
  }

  /** Normalised through text, so number node classes do not matter in comparisons. */
  static JsonNode json(JsonNode node) {
    return Json.parse(Json.write(node));
  }

  @Test
  void parametersBecomePropertiesAndPathParametersAreAlwaysRequired() {
    Operation op =
        operation(
            List.of(
                param("id", "path", false, yaml("{type: integer}")),
                param("limit", "query", true, yaml("{type: integer, minimum: 1}")),
                param("X-Trace", "header", false, null)),
            null);

    ObjectNode schema = compile(EMPTY, op).schema();

    assertThat(schema.get("type").stringValue()).isEqualTo("object");
    assertThat(schema.get("additionalProperties").booleanValue()).isFalse();
    assertThat(schema.get("properties").propertyNames())
        .containsExactly("id", "limit", "X-Trace", "server");
    assertThat(json(schema.get("properties").get("limit")))
        .isEqualTo(yaml("{type: integer, minimum: 1}"));
    assertThat(json(schema.get("properties").get("X-Trace"))).isEqualTo(yaml("{type: string}"));
    assertThat(json(schema.get("required"))).isEqualTo(yaml("[id, limit]"));
    assertThat(schema.has("$defs")).isFalse();
  }

  @Test
  void parameterDescriptionAndDeprecationAreAddedWhenTheSchemaHasNone() {
    Param described =
        new Param(
            "q",
            "query",
            false,
            "Search text",
            true,
            yaml("{type: string}"),
            null,
            null,
            false,
            null);
    Param own =
        new Param(
            "p",
            "query",
            false,
            "ignored",
            false,
            yaml("{type: string, description: own}"),
            null,
            null,
            false,
            null);

    JsonNode properties =
        compile(EMPTY, operation(List.of(described, own), null)).schema().get("properties");

    assertThat(json(properties.get("q")))
        .isEqualTo(yaml("{type: string, description: Search text, deprecated: true}"));
    assertThat(properties.get("p").get("description").stringValue()).isEqualTo("own");
  }

  @Test
  void clashingNamesAcrossLocationsAreAllRenamedWithTheirLocation() {
    Operation op =
        operation(
            List.of(
                param("id", "path", true, null),
                param("id", "query", false, null),
                param("name", "query", false, null)),
            null);

    InputSchema input = compile(EMPTY, op);

    assertThat(input.propertyByParamKey())
        .containsExactly(
            Map.entry("path:id", "id__path"),
            Map.entry("query:id", "id__query"),
            Map.entry("query:name", "name"));
    assertThat(input.schema().get("properties").propertyNames())
        .containsExactly("id__path", "id__query", "name", "server");
    assertThat(json(input.schema().get("required"))).isEqualTo(yaml("[id__path]"));
  }

  @Test
  void reservedNamesAreRenamedEvenWithoutAClash() {
    Operation op =
        operation(
            List.of(
                param("body", "query", false, null),
                param("server", "header", false, null),
                param("contentType", "query", false, null)),
            jsonBody(false, "{type: object}"));

    InputSchema input = compile(EMPTY, op);

    assertThat(input.propertyByParamKey().values())
        .containsExactly("body__query", "server__header", "contentType__query");
    assertThat(input.schema().get("properties").propertyNames())
        .containsExactly("body__query", "server__header", "contentType__query", "body", "server");
  }

  @Test
  void aRenamedParameterThatStillCollidesGetsANumberSuffix() {
    Operation op =
        operation(
            List.of(
                param("id", "path", true, null),
                param("id", "query", false, null),
                param("id__path", "header", false, null)),
            null);

    InputSchema input = compile(EMPTY, op);

    assertThat(input.propertyByParamKey())
        .containsEntry("path:id", "id__path_2")
        .containsEntry("query:id", "id__query")
        .containsEntry("header:id__path", "id__path");
  }

  @Test
  void hiddenParametersAreLeftOutEntirely() {
    Operation op =
        operation(
            List.of(
                param("X-Amz-Date", "header", true, null),
                param("id", "path", true, null),
                param("id", "header", false, null)),
            null);

    InputSchema input = compile(EMPTY, op, Set.of("header:X-Amz-Date", "header:id"));

    assertThat(input.propertyByParamKey()).containsExactly(Map.entry("path:id", "id"));
    assertThat(input.schema().get("properties").propertyNames()).containsExactly("id", "server");
  }

  @Test
  void bodyIsTheFirstMediaTypesSchemaAndRequiredWhenTheSpecSaysSo() {
    RequestBodySpec body =
        new RequestBodySpec(
            true,
            "The new thing",
            List.of(
                new MediaTypeSpec(
                    "application/json",
                    yaml("{type: object, properties: {a: {type: string}}}"),
                    null),
                new MediaTypeSpec(
                    "application/x-www-form-urlencoded", yaml("{type: object}"), null)));

    ObjectNode schema = compile(EMPTY, operation(List.of(), body)).schema();

    assertThat(json(schema.get("properties").get("body")))
        .isEqualTo(
            yaml("{type: object, properties: {a: {type: string}}, description: The new thing}"));
    assertThat(json(schema.get("properties").get("contentType").get("enum")))
        .isEqualTo(yaml("[application/json, application/x-www-form-urlencoded]"));
    assertThat(schema.get("properties").get("contentType").get("default").stringValue())
        .isEqualTo("application/json");
    assertThat(json(schema.get("required"))).isEqualTo(yaml("[body]"));
  }

  @Test
  void contentTypeAppearsOnlyWithSeveralMediaTypesAndOptionalBodyIsNotRequired() {
    ObjectNode schema =
        compile(EMPTY, operation(List.of(), jsonBody(false, "{type: string}"))).schema();

    assertThat(schema.get("properties").propertyNames()).containsExactly("body", "server");
    assertThat(schema.has("required")).isFalse();
  }

  @Test
  void aBodyWithoutSchemaIsPermissiveForItsMediaType() {
    RequestBodySpec json = jsonBody(false, null);
    RequestBodySpec form =
        new RequestBodySpec(
            false, null, List.of(new MediaTypeSpec("multipart/form-data", null, null)));
    RequestBodySpec bytes =
        new RequestBodySpec(
            false, null, List.of(new MediaTypeSpec("application/octet-stream", null, null)));

    assertThat(
            json(compile(EMPTY, operation(List.of(), json)).schema().get("properties").get("body")))
        .isEqualTo(yaml("{}"));
    assertThat(
            json(compile(EMPTY, operation(List.of(), form)).schema().get("properties").get("body")))
        .isEqualTo(yaml("{type: object}"));
    assertThat(
            json(
                compile(EMPTY, operation(List.of(), bytes)).schema().get("properties").get("body")))
        .isEqualTo(yaml("{type: string, contentEncoding: base64}"));
  }

  @Test
  void serverIsAlwaysOfferedWithTheSpecServersInItsDescriptionAndNoEnums() {
    ServerSpec regional =
        new ServerSpec(
            "https://oidc.{region}.amazonaws.com",
            null,
            Map.of(
                "region",
                new ServerVariable("us-east-1", List.of("us-east-1", "eu-west-1"), null)));
    Operation op =
        operation(
            List.of(),
            null,
            null,
            List.of(regional, new ServerSpec("https://example.test", null, Map.of())));

    ObjectNode server = (ObjectNode) compile(EMPTY, op).schema().get("properties").get("server");

    assertThat(server.get("type").stringValue()).isEqualTo("object");
    assertThat(server.get("additionalProperties").booleanValue()).isFalse();
    assertThat(server.get("properties").propertyNames()).containsExactly("url", "variables");
    assertThat(json(server.get("properties").get("variables").get("additionalProperties")))
        .isEqualTo(yaml("{type: string}"));
    assertThat(server.get("description").stringValue())
        .contains(
            "https://oidc.{region}.amazonaws.com (variables: region)", "https://example.test");
    assertThat(Json.write(server)).doesNotContain("enum").doesNotContain("eu-west-1");
  }

  @Test
  void onlyTheDefsAToolReachesTransitivelyAreCarried() {
    SpecDocument doc =
        withSchemas(
            """
        Pet: {type: object, properties: {owner: {$ref: '#/components/schemas/Owner'}}}
        Owner: {type: object, properties: {address: {$ref: '#/components/schemas/Address'}}}
        Address: {type: string}
        Unused: {type: integer}
        """);

    ObjectNode schema = compile(doc, bodyOnly("{$ref: '#/components/schemas/Pet'}")).schema();

    assertThat(json(schema.get("properties").get("body"))).isEqualTo(yaml("{$ref: '#/$defs/Pet'}"));
    assertThat(schema.get("$defs").propertyNames()).containsExactly("Address", "Owner", "Pet");
    assertThat(json(schema.get("$defs").get("Owner")))
        .isEqualTo(yaml("{type: object, properties: {address: {$ref: '#/$defs/Address'}}}"));
  }

  @Test
  void recursiveSchemasStayAReferenceCycle() {
    SpecDocument doc =
        withSchemas(
            """
        Node: {type: object, properties: {children: {type: array, items: {$ref: '#/components/schemas/Node'}}}}
        """);

    ObjectNode schema = compile(doc, bodyOnly("{$ref: '#/components/schemas/Node'}")).schema();

    assertThat(schema.get("$defs").propertyNames()).containsExactly("Node");
    assertThat(json(schema.get("$defs").get("Node").get("properties").get("children").get("items")))
        .isEqualTo(yaml("{$ref: '#/$defs/Node'}"));
  }

  @Test
  void aReferenceThatLoopsWithoutNestingIsCutSoValidationTerminates() {
    SpecDocument doc =
        withSchemas(
            """
        A: {allOf: [{$ref: '#/components/schemas/B'}, {required: [a]}]}
        B: {$ref: '#/components/schemas/A'}
        """);

    ObjectNode schema = compile(doc, bodyOnly("{$ref: '#/components/schemas/A'}")).schema();

    assertThat(Json.write(schema.get("$defs"))).contains("loops back");
    assertThat(ArgumentValidator.forSchema(schema).validate(yaml("{body: {}}")))
        .containsExactly(new ArgumentProblem("/body/a", "required property 'a' is missing"));
  }

  @Test
  void aDanglingReferenceBecomesAnyValueWithANote() {
    ObjectNode schema =
        compile(
                EMPTY,
                bodyOnly("{type: object, properties: {x: {$ref: '#/components/schemas/Missing'}}}"))
            .schema();

    JsonNode x = schema.get("properties").get("body").get("properties").get("x");
    assertThat(x.has("$ref")).isFalse();
    assertThat(x.get("description").stringValue())
        .contains("Unresolved reference '#/components/schemas/Missing'");
    assertThat(schema.has("$defs")).isFalse();
  }

  @Test
  void referencesToOtherDocumentLocationsBecomeDefsNamedFromThePointer() {
    SpecDocument doc =
        withSchemas(
            """
        Pet: {type: object, properties: {tag: {type: string, maxLength: 5}}}
        """);
    Operation op =
        operation(
            List.of(
                param("tag", "query", "{$ref: '#/components/schemas/Pet/properties/tag'}"),
                param("info", "query", "{$ref: '#/info'}")),
            null);

    ObjectNode schema = compile(doc, op).schema();

    assertThat(json(schema.get("properties").get("tag")))
        .isEqualTo(yaml("{$ref: '#/$defs/Pet.properties.tag'}"));
    assertThat(json(schema.get("$defs").get("Pet.properties.tag")))
        .isEqualTo(yaml("{type: string, maxLength: 5}"));
    assertThat(schema.get("$defs").propertyNames())
        .containsExactlyInAnyOrder("Pet.properties.tag", "info");
  }

  @Test
  void componentNamesOutsideTheSafeAlphabetAreSanitizedAndStillResolve() {
    SpecDocument doc =
        withSchemas(
            """
        'Page<User>': {type: object, properties: {next: {$ref: '#/components/schemas/Page%3CUser%3E'}}}
        'a/b~c': {type: string}
        Page_User_: {type: integer}
        """);
    Operation op =
        operation(
            List.of(
                param("p", "query", "{$ref: '#/components/schemas/Page<User>'}"),
                param("s", "query", "{$ref: '#/components/schemas/a~1b~0c'}"),
                param("i", "query", "{$ref: '#/components/schemas/Page_User_'}")),
            null);

    ObjectNode schema = compile(doc, op).schema();

    assertThat(json(schema.get("properties").get("p")))
        .isEqualTo(yaml("{$ref: '#/$defs/Page_User__2'}"));
    assertThat(json(schema.get("properties").get("s"))).isEqualTo(yaml("{$ref: '#/$defs/a_b_c'}"));
    assertThat(json(schema.get("properties").get("i")))
        .isEqualTo(yaml("{$ref: '#/$defs/Page_User_'}"));
    assertThat(json(schema.get("$defs").get("Page_User__2").get("properties").get("next")))
        .isEqualTo(yaml("{$ref: '#/$defs/Page_User__2'}"));
  }

  @Test
  void toolsOfOneDocumentShareEachTranslatedDef() {
    SpecDocument doc = withSchemas("Pet: {type: object, nullable: true}");
    SchemaCompiler compiler = new SchemaCompiler(doc);

    ObjectNode first =
        compiler.inputSchema(bodyOnly("{$ref: '#/components/schemas/Pet'}"), Set.of()).schema();
    ObjectNode second =
        compiler.outputSchema(
            operation(List.of(), null, yaml("{$ref: '#/components/schemas/Pet'}"), List.of()));

    assertThat(second.get("$defs").get("Pet")).isSameAs(first.get("$defs").get("Pet"));
  }

  @Test
  void toolsThatReachTheSameDefsShareOneDefsObjectAndClosuresStayExact() {
    SpecDocument doc =
        withSchemas(
            """
        User: {type: object, properties: {manager: {$ref: '#/components/schemas/Group'}}}
        Group: {type: object, properties: {members: {type: array, items: {$ref: '#/components/schemas/User'}}, site: {$ref: '#/components/schemas/Site'}}}
        Site: {type: object, properties: {name: {type: string}}}
        Leaf: {type: object, properties: {site: {$ref: '#/components/schemas/Site'}}}
        """);
    SchemaCompiler compiler = new SchemaCompiler(doc);

    ObjectNode user =
        compiler.inputSchema(bodyOnly("{$ref: '#/components/schemas/User'}"), Set.of()).schema();
    ObjectNode group =
        compiler.inputSchema(bodyOnly("{$ref: '#/components/schemas/Group'}"), Set.of()).schema();
    ObjectNode leaf =
        compiler.inputSchema(bodyOnly("{$ref: '#/components/schemas/Leaf'}"), Set.of()).schema();
    ObjectNode site =
        compiler.inputSchema(bodyOnly("{$ref: '#/components/schemas/Site'}"), Set.of()).schema();

    assertThat(user.get("$defs").propertyNames()).containsExactly("Group", "Site", "User");
    assertThat(group.get("$defs")).isSameAs(user.get("$defs"));
    assertThat(leaf.get("$defs").propertyNames()).containsExactly("Leaf", "Site");
    assertThat(site.get("$defs").propertyNames()).containsExactly("Site");
    MetaSchema.assertValid(group);
    MetaSchema.assertValid(leaf);
  }

  @Test
  void aBinaryStringIsAFileToSendInRequestsButStaysAStringInResponses() {
    SpecDocument doc =
        withSchemas(
            "Upload: {type: object, properties: {file: {type: string, format: binary, description: The file.}}}");
    SchemaCompiler compiler = new SchemaCompiler(doc);

    ObjectNode input =
        compiler.inputSchema(bodyOnly("{$ref: '#/components/schemas/Upload'}"), Set.of()).schema();
    ObjectNode output =
        compiler.outputSchema(
            operation(List.of(), null, yaml("{$ref: '#/components/schemas/Upload'}"), List.of()));

    JsonNode file = input.at("/$defs/Upload/properties/file");
    assertThat(file.get("description").stringValue())
        .startsWith("The file. File content, base64-encoded");
    assertThat(json(file.get("anyOf").get(0)))
        .isEqualTo(yaml("{type: string, contentEncoding: base64}"));
    assertThat(file.get("anyOf").get(1).get("required").toString()).isEqualTo("[\"base64\"]");
    assertThat(json(output.at("/$defs/Upload/properties/file")))
        .isEqualTo(yaml("{type: string, format: binary, description: The file.}"));
    MetaSchema.assertValid(input);
  }

  @Test
  void readOnlyPropertiesAreRequiredOnlyInResponsesAndWriteOnlyOnlyInRequests() {
    SpecDocument doc =
        withSchemas(
            """
        Id: {type: string, readOnly: true}
        Card:
          type: object
          required: [number, id, pin, brand]
          properties:
            number: {type: string, readOnly: true}
            id: {$ref: '#/components/schemas/Id'}
            pin: {type: string, writeOnly: true}
            brand: {type: string}
        """);
    SchemaCompiler compiler = new SchemaCompiler(doc);
    String card = "{$ref: '#/components/schemas/Card'}";

    ObjectNode input =
        MetaSchema.assertValid(compiler.inputSchema(bodyOnly(card), Set.of()).schema());
    ObjectNode output =
        MetaSchema.assertValid(
            compiler.outputSchema(operation(List.of(), null, yaml(card), List.of())));

    assertThat(json(input.get("$defs").get("Card").get("required")))
        .isEqualTo(yaml("[pin, brand]"));
    assertThat(json(output.get("$defs").get("Card").get("required")))
        .isEqualTo(yaml("[number, id, brand]"));
    assertThat(input.get("$defs").get("Id")).isSameAs(output.get("$defs").get("Id"));
  }

  @Test
  void outputSchemaIsTheSuccessSchemaWithItsDefsOrNull() {
    SpecDocument doc = withSchemas("Pet: {type: object, properties: {id: {type: integer}}}");
    SchemaCompiler compiler = new SchemaCompiler(doc);

    ObjectNode output =
        compiler.outputSchema(
            operation(
                List.of(),
                null,
                yaml("{type: array, items: {$ref: '#/components/schemas/Pet'}}"),
                List.of()));

    MetaSchema.assertValid(output);
    assertThat(json(output))
        .isEqualTo(
            yaml(
                """
        {type: array, items: {$ref: '#/$defs/Pet'}, $defs: {Pet: {type: object, properties: {id: {type: integer}}}}}
        """));
    assertThat(compiler.outputSchema(operation(List.of(), null))).isNull();
  }
}
