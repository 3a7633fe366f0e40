package dev.executortools.schema;

import static dev.executortools.schema.TinySpec.bodyOnly;
import static dev.executortools.schema.TinySpec.operation;
import static dev.executortools.schema.TinySpec.param;
import static dev.executortools.schema.TinySpec.withSchemas;
import static dev.executortools.schema.TinySpec.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.internal.Json;
import dev.executortools.parse.SpecDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ArgumentValidatorTest {
  private static final SpecDocument DOC =
      withSchemas(
          """
      Client:
        type: object
        required: [clientName]
        properties:
          clientName: {type: string, format: email}
          tags: {type: array, items: {$ref: '#/components/schemas/Tag'}}
          note: {type: string, nullable: true, maxLength: 3}
          'a/b': {type: integer}
          best: {$ref: '#/components/schemas/Tag', nullable: true}
      Tag: {type: object, properties: {n: {type: string, pattern: '^a'}}}
      Node: {type: object, properties: {child: {$ref: '#/components/schemas/Node'}}}
      """);

  private static final ArgumentValidator CLIENT =
      validator(
          operation(
              List.of(param("id", "path", true, yaml("{type: integer}"))),
              TinySpec.jsonBody(true, "{$ref: '#/components/schemas/Client'}")));

  private static ArgumentValidator validator(dev.executortools.extract.Operation op) {
    ObjectNode schema =
        MetaSchema.assertValid(new SchemaCompiler(DOC).inputSchema(op, Set.of()).schema());
    return ArgumentValidator.forSchema(schema);
  }

  @Test
  void validArgumentsHaveNoProblems() {
    assertThat(
            CLIENT.validate(yaml("{id: 7, body: {clientName: me, tags: [{n: abc}], note: null}}")))
        .isEmpty();
  }

  @Test
  void aMissingRequiredPropertyIsReportedAtThePropertysPointer() {
    assertThat(CLIENT.validate(yaml("{id: 7, body: {}}")))
        .containsExactly(
            new ArgumentProblem("/body/clientName", "required property 'clientName' is missing"));
  }

  @Test
  void problemsInsideReferencedDefsReportTheInstanceLocationWithArrayIndexes() {
    assertThat(
            CLIENT.validate(
                yaml("{id: 7, body: {clientName: me, tags: [{n: abc}, {n: 1}, {n: bcd}]}}")))
        .containsExactly(
            new ArgumentProblem("/body/tags/1/n", "integer found, string expected"),
            new ArgumentProblem("/body/tags/2/n", "does not match the regex pattern ^a"));
  }

  @Test
  void unknownPropertiesAndMissingPathParametersAreReported() {
    assertThat(CLIENT.validate(yaml("{body: {clientName: me}, extra: 1}")))
        .containsExactlyInAnyOrder(
            new ArgumentProblem("/id", "required property 'id' is missing"),
            new ArgumentProblem("/extra", "property 'extra' is not allowed"));
  }

  @Test
  void pointerSegmentsAreEscaped() {
    assertThat(CLIENT.validate(yaml("{id: 1, body: {clientName: me, 'a/b': x}}")))
        .containsExactly(new ArgumentProblem("/body/a~1b", "string found, integer expected"));
  }

  @Test
  void aNullableValueIsCheckedAsItsType() {
    assertThat(CLIENT.validate(yaml("{id: 1, body: {clientName: me, note: toolong}}")))
        .containsExactly(new ArgumentProblem("/body/note", "must be at most 3 characters long"));
  }

  @Test
  void aNullableReferenceThatFitsNeitherAlternativeIsReportedAtItsLocation() {
    assertThat(CLIENT.validate(yaml("{id: 1, body: {clientName: me, best: null}}"))).isEmpty();
    assertThat(CLIENT.validate(yaml("{id: 1, body: {clientName: me, best: 5}}")))
        .containsExactly(
            new ArgumentProblem("/body/best", "integer found, object or null expected"));
  }

  @Test
  void alternativesThatAllFailReportEachAlternativesReasonAtTheirLocation() {
    ArgumentValidator either =
        validator(
            operation(
                List.of(
                    param(
                        "v",
                        "query",
                        "{anyOf: [{type: string, minLength: 5}, {type: object, required: [a]}]}")),
                null));

    assertThat(either.validate(yaml("{v: abc}")))
        .containsExactly(
            new ArgumentProblem("/v", "must be at least 5 characters long"),
            new ArgumentProblem("/v", "string found, object expected"));
    assertThat(either.validate(yaml("{v: abcdef}"))).isEmpty();
  }

  @Test
  void argumentsThatAreNotAnObjectAreAProblemAtTheRoot() {
    assertThat(CLIENT.validate(yaml("[1]")))
        .containsExactly(new ArgumentProblem("", "array found, object expected"));
  }

  @Test
  void formatIsAnAnnotationNotAnAssertion() {
    assertThat(CLIENT.validate(yaml("{id: 1, body: {clientName: not-an-email}}"))).isEmpty();
  }

  @Test
  void noArgumentsAtAllAreTheEmptyObject() {
    ArgumentValidator optional =
        validator(operation(List.of(param("q", "query", "{type: string}")), null));

    assertThat(optional.validate(null)).isEmpty();
    assertThat(CLIENT.validate(null))
        .extracting(ArgumentProblem::path)
        .containsExactlyInAnyOrder("/id", "/body");
  }

  @Test
  void absurdlyDeepArgumentsAreRefusedInsteadOfOverflowingTheStack() {
    ArgumentValidator nodes = validator(bodyOnly("{$ref: '#/components/schemas/Node'}"));
    String deep = "{\"child\":".repeat(600) + "{}" + "}".repeat(600);

    assertThat(nodes.validate(Json.parse("{\"body\":{\"child\":{}}}"))).isEmpty();
    assertThat(nodes.validate(Json.parse("{\"body\":" + deep + "}")))
        .containsExactly(
            new ArgumentProblem("", "arguments are nested too deeply or too complex to check"));
  }

  @Test
  void remoteReferencesAreNeverFetched() {
    ObjectNode remote =
        (ObjectNode)
            Json.parse(
                "{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"https://json-schema.example/never.json\"}}}");

    List<ArgumentProblem> problems =
        ArgumentValidator.forSchema(remote).validate(Json.parse("{\"a\":1}"));

    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEmpty();
              assertThat(p.message()).startsWith("the tool's input schema cannot be used");
            });
  }

  @Test
  void oneValidatorServesConcurrentCallsWithTheSameAnswers() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<ArgumentProblem>>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String args = i % 2 == 0 ? "{id: 1, body: {clientName: me}}" : "{id: 1, body: {}}";
        results.add(pool.submit(() -> CLIENT.validate(yaml(args))));
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).hasSize(i % 2 == 0 ? 0 : 1);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
