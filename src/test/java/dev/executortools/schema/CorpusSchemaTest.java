package dev.executortools.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.extract.Operation;
import dev.executortools.extract.OperationExtractor;
import dev.executortools.internal.Json;
import dev.executortools.parse.SpecDocument;
import dev.executortools.parse.SpecException;
import dev.executortools.parse.SpecReader;
import dev.executortools.testing.Corpus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every operation of every corpus spec: its input and output schemas are valid 2020-12, networknt
 * builds a validator from each input schema, and every {@code $ref} lands in the schema's own
 * {@code $defs}.
 *
 * <p>Defs are shared between tools, so each distinct def is checked against the meta-schema once
 * and each tool without its {@code $defs}: a schema is valid exactly when its own keywords and all
 * its subschemas are, so this is the same verdict as checking every tool whole, without re-checking
 * Stripe's big defs hundreds of times.
 */
class CorpusSchemaTest {
  static final List<String> FILES = Corpus.FILES;

  /**
   * Each spec is read once for the class: reading Kubernetes and GitLab (Swagger 2.0) takes
   * seconds.
   */
  private static final Map<String, SpecDocument> DOCS = new ConcurrentHashMap<>();

  private static SpecDocument read(String file) {
    return DOCS.computeIfAbsent(
        file,
        f -> {
          try {
            return SpecReader.read(Corpus.read(f));
          } catch (SpecException e) {
            throw new IllegalStateException(f + ": " + e.getMessage(), e);
          }
        });
  }

  @ParameterizedTest
  @FieldSource("FILES")
  void everyToolSchemaIsValidJsonSchema202012(String file) throws Exception {
    SpecDocument doc = read(file);
    List<Operation> operations = new OperationExtractor(doc, null).extract();
    SchemaCompiler compiler = new SchemaCompiler(doc);
    Checker checker = new Checker();

    for (Operation op : operations) {
      ObjectNode input = compiler.inputSchema(op, Set.of()).schema();
      checker.check(input, op);
      assertThat(ArgumentValidator.forSchema(input).validate(Json.object()))
          .as("%s %s", op.method(), op.pathTemplate())
          .noneMatch(
              p ->
                  p.message().startsWith("the tool's input schema cannot be used")
                      || p.message().startsWith("arguments are nested too deeply"));
      ObjectNode output = compiler.outputSchema(op);
      if (output != null) checker.check(output, op);
    }

    assertThat(operations).isNotEmpty();
    assertThat(checker.violations).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "stripe.com__2020-08-27.openapi.yaml, customer",
    "kubernetes.io__v1.10.0.swagger.yaml, io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.JSONSchemaProps"
  })
  void recursiveSchemasKeepTheirCycleAsReferences(String file, String recursiveDef)
      throws Exception {
    SpecDocument doc = read(file);
    SchemaCompiler compiler = new SchemaCompiler(doc);
    List<JsonNode> defsCarryingIt = new ArrayList<>();

    for (Operation op : new OperationExtractor(doc, null).extract()) {
      for (ObjectNode schema :
          new ObjectNode[] {
            compiler.inputSchema(op, Set.of()).schema(), compiler.outputSchema(op)
          }) {
        if (schema != null && schema.path("$defs").has(recursiveDef))
          defsCarryingIt.add(schema.get("$defs"));
      }
    }

    assertThat(defsCarryingIt).isNotEmpty().allMatch(defs -> reachesItself(defs, recursiveDef));
  }

  /** The def is reachable from itself through the {@code $ref}s of its tool's {@code $defs}. */
  private static boolean reachesItself(JsonNode defs, String start) {
    Set<String> seen = new HashSet<>();
    List<String> pending = new ArrayList<>(refsIn(defs.get(start), new HashSet<>()));
    while (!pending.isEmpty()) {
      String next = pending.remove(pending.size() - 1);
      if (next.equals(start)) return true;
      if (seen.add(next) && defs.has(next)) pending.addAll(refsIn(defs.get(next), new HashSet<>()));
    }
    return false;
  }

  /** Def names of every {@code #/$defs/...} reference inside a schema. */
  private static Set<String> refsIn(JsonNode node, Set<String> found) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        if (entry.getKey().equals("$ref") && entry.getValue().isString()) {
          found.add(entry.getValue().stringValue().substring("#/$defs/".length()));
        } else {
          refsIn(entry.getValue(), found);
        }
      }
    } else if (node.isArray()) {
      node.forEach(item -> refsIn(item, found));
    }
    return found;
  }

  /** Meta-schema and reference checks, each shared def checked once. */
  private static final class Checker {
    final List<String> violations = new ArrayList<>();
    private final Map<JsonNode, Set<String>> refsByDef = new IdentityHashMap<>();

    void check(ObjectNode schema, Operation op) {
      String where = op.method() + " " + op.pathTemplate();
      ObjectNode top = Json.object();
      schema
          .properties()
          .forEach(
              e -> {
                if (!e.getKey().equals("$defs")) top.set(e.getKey(), e.getValue());
              });
      MetaSchema.violations(top).forEach(v -> violations.add(where + ": " + v));
      JsonNode defs = schema.path("$defs");
      Set<String> refs = refsIn(top, new HashSet<>());
      for (String name : defs.propertyNames()) {
        JsonNode def = defs.get(name);
        if (!refsByDef.containsKey(def)) {
          MetaSchema.violations(def)
              .forEach(v -> violations.add(where + " $defs/" + name + ": " + v));
          refsByDef.put(def, refsIn(def, new HashSet<>()));
        }
        refs.addAll(refsByDef.get(def));
      }
      for (String ref : refs) {
        if (!defs.has(ref)) violations.add(where + ": $ref to missing def " + ref);
      }
    }
  }
}
