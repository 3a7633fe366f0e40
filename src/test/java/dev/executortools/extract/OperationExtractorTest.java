package dev.executortools.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.parse.SpecReader;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationExtractorTest {
  private static final String SPEC =
      """
      openapi: 3.0.3
      info: {title: Pets, version: '1'}
      servers: [{url: 'https://{env}.example.com/v1', variables: {env: {default: api, enum: [api, sandbox]}}}]
      components:
        parameters:
          Limit: {name: limit, in: query, schema: {type: integer}}
        requestBodies:
          Pet:
            required: true
            content:
              application/json: {schema: {$ref: '#/components/schemas/Pet'}}
              application/x-www-form-urlencoded: {schema: {$ref: '#/components/schemas/Pet'}, encoding: {tags: {style: form}}}
        responses:
          PetList:
            description: ok
            content: {application/json: {schema: {type: array}}}
        schemas:
          Pet: {type: object}
      paths:
        /pets/{id}:
          parameters:
            - {name: id, in: path, schema: {type: string}}
            - {name: verbose, in: query, description: path level, schema: {type: boolean}}
          servers: [{url: /relative}]
          get:
            tags: [' ', pets]
            parameters:
              - {name: verbose, in: query, description: operation level, schema: {type: string}}
              - {$ref: '#/components/parameters/Limit'}
              - {name: filter, in: query, content: {application/json: {schema: {type: object}}}}
              - {name: ignored, in: body}
            responses:
              '201': {$ref: '#/components/responses/PetList'}
          post:
            operationId: createPet
            servers: [{url: 'https://upload.example.com'}]
            requestBody: {$ref: '#/components/requestBodies/Pet'}
            responses: {'200': {description: ok, content: {text/plain: {schema: {type: string}}}}}
        /things:
          delete: {responses: {'204': {description: gone}}}
      """;

  private static List<Operation> extract(URI location) throws Exception {
    return new OperationExtractor(SpecReader.read(SPEC), location).extract();
  }

  @Test
  void yieldsOneOperationPerMethodInDocumentOrder() throws Exception {
    assertThat(extract(null))
        .extracting(Operation::method, Operation::pathTemplate)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("get", "/pets/{id}"),
            org.assertj.core.groups.Tuple.tuple("post", "/pets/{id}"),
            org.assertj.core.groups.Tuple.tuple("delete", "/things"));
  }

  @Test
  void mergesPathLevelParametersWithOperationLevelWinning() throws Exception {
    Operation get = extract(null).get(0);
    assertThat(get.params())
        .extracting(Param::key)
        .containsExactly("path:id", "query:verbose", "query:limit", "query:filter");
    Param verbose = get.params().get(1);
    assertThat(verbose.description()).isEqualTo("operation level");
    assertThat(get.params().get(0).required()).as("path params are always required").isTrue();
    assertThat(get.params().get(3).contentType()).isEqualTo("application/json");
  }

  @Test
  void resolvesReferencedRequestBodiesAndResponses() throws Exception {
    List<Operation> ops = extract(null);
    RequestBodySpec body = ops.get(1).requestBody();
    assertThat(body.required()).isTrue();
    assertThat(body.mediaTypes())
        .extracting(MediaTypeSpec::mediaType)
        .containsExactly("application/json", "application/x-www-form-urlencoded");
    assertThat(body.mediaTypes().get(1).encoding().has("tags")).isTrue();
    assertThat(ops.get(0).successSchema().path("type").asString()).isEqualTo("array");
    assertThat(ops.get(1).successSchema()).as("text/plain is not JSON").isNull();
  }

  @Test
  void derivesMissingOperationIdsAndDropsBlankTags() throws Exception {
    List<Operation> ops = extract(null);
    assertThat(ops.get(0).operationId()).isEqualTo("get__pets_id");
    assertThat(ops.get(0).tags()).containsExactly("pets");
    assertThat(ops.get(1).operationId()).isEqualTo("createPet");
  }

  @Test
  void operationServersWinOverPathServersWhichWinOverTheDocuments() throws Exception {
    List<Operation> ops = extract(URI.create("https://specs.example.org/pets/openapi.yaml"));
    assertThat(ops.get(0).servers())
        .extracting(ServerSpec::url)
        .containsExactly("https://specs.example.org/relative");
    assertThat(ops.get(1).servers())
        .extracting(ServerSpec::url)
        .containsExactly("https://upload.example.com");
    ServerSpec root = ops.get(2).servers().get(0);
    assertThat(root.url()).isEqualTo("https://{env}.example.com/v1");
    assertThat(root.variables().get("env").defaultValue()).isEqualTo("api");
    assertThat(root.variables().get("env").allowedValues()).containsExactly("api", "sandbox");
  }
}
