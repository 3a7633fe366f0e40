package dev.executortools.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.ValidationLimitExceededException;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import dev.executortools.internal.Json;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks call arguments against a tool's input schema (JSON Schema 2020-12, networknt). Build once
 * per tool and reuse; thread-safe. Nothing is ever fetched: a {@code $ref} or {@code $schema} that
 * leaves the schema is refused. {@code format} is an annotation, not an assertion. Patterns run on
 * {@link SpecRegex} within {@link PatternBudget}; numbers are checked as written ({@link
 * ArgumentNumbers}).
 */
public final class ArgumentValidator {
  /** Schema frames active at once; arguments are never legitimately this deep. */
  private static final int MAX_EVALUATION_DEPTH = 256;

  /** Keyword evaluations per call, against combinator blow-ups. */
  private static final long MAX_EVALUATION_STEPS = 2_000_000;

  private static final int MAX_MESSAGE_LENGTH = 300;
  private static final Pattern TYPE_MESSAGE = Pattern.compile("(\\S+) found, (.+) expected");

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDialect(
          Dialects.getDraft202012(),
          builder ->
              builder
                  .schemaCacheEnabled(false)
                  .schemaLoader(loader -> loader.fetchRemoteResources(false).block(iri -> true))
                  .schemaRegistryConfig(
                      SchemaRegistryConfig.builder()
                          .locale(Locale.ENGLISH)
                          .pathType(PathType.JSON_POINTER)
                          .formatAssertionsEnabled(false)
                          .regularExpressionFactory(SpecRegex.FACTORY)
                          .executionContextCustomizer(
                              (context, schemaContext) ->
                                  context.executionConfig(
                                      config ->
                                          config
                                              .formatAssertionsEnabled(false)
                                              .maxEvaluationDepth(MAX_EVALUATION_DEPTH)
                                              .maxEvaluationSteps(MAX_EVALUATION_STEPS)))
                          .build()));

  private final Schema schema;
  private final String unusable;

  private ArgumentValidator(Schema schema, String unusable) {
    this.schema = schema;
    this.unusable = unusable;
  }

  /**
   * A validator for an input schema. Never throws: a schema the validator cannot use (which {@link
   * SchemaCompiler} never produces) yields a validator that reports that as its one problem.
   */
  public static ArgumentValidator forSchema(ObjectNode inputSchema) {
    try {
      Schema schema = REGISTRY.getSchema(inputSchema);
      schema.initializeValidators();
      return new ArgumentValidator(schema, null);
    } catch (SchemaException | IllegalArgumentException | IllegalStateException e) {
      return new ArgumentValidator(
          null, "the tool's input schema cannot be used: " + shorten(e.getMessage()));
    }
  }

  /**
   * The problems with these arguments, one per problem; empty when they are valid. A Java null is
   * {@code {}}.
   */
  public List<ArgumentProblem> validate(JsonNode arguments) {
    if (unusable != null) return List.of(new ArgumentProblem("", unusable));
    JsonNode instance = arguments == null || arguments.isMissingNode() ? Json.object() : arguments;
    List<ArgumentProblem> numbers = ArgumentNumbers.problems(instance);
    if (!numbers.isEmpty()) return numbers;
    List<Error> errors;
    try {
      errors = PatternBudget.run(() -> schema.validate(instance));
    } catch (ValidationLimitExceededException | StackOverflowError e) {
      return List.of(
          new ArgumentProblem("", "arguments are nested too deeply or too complex to check"));
    } catch (PatternTimeoutException e) {
      return List.of(
          new ArgumentProblem(
              ArgumentNumbers.pathOfString(instance, e.value()),
              "could not be checked against the pattern "
                  + shorten(e.pattern())
                  + " within "
                  + PatternBudget.MILLIS
                  + " ms (a pattern that needs backtracking, such as a backreference "
                  + "or lookaround); send a shorter or simpler value"));
    } catch (SchemaException e) {
      return List.of(
          new ArgumentProblem(
              "", "the tool's input schema cannot be used: " + shorten(e.getMessage())));
    }
    Set<ArgumentProblem> problems = new LinkedHashSet<>();
    for (Error error : errors) problems.add(problem(error));
    return mergeTypeProblems(problems);
  }

  /**
   * Alternatives ({@code anyOf} of a nullable reference) fail one type check each at the same
   * place: "integer found, object expected" and "integer found, null expected" read better as one
   * problem.
   */
  private static List<ArgumentProblem> mergeTypeProblems(Set<ArgumentProblem> problems) {
    Map<String, ArgumentProblem> byKey = new LinkedHashMap<>();
    for (ArgumentProblem problem : problems) {
      Matcher type = TYPE_MESSAGE.matcher(problem.message());
      if (!type.matches()) {
        byKey.put(problem.path() + '\n' + problem.message(), problem);
        continue;
      }
      String key = problem.path() + '\n' + type.group(1) + " found";
      ArgumentProblem earlier = byKey.get(key);
      String message =
          earlier == null
              ? problem.message()
              : earlier.message().substring(0, earlier.message().length() - " expected".length())
                  + " or "
                  + type.group(2)
                  + " expected";
      byKey.put(key, new ArgumentProblem(problem.path(), message));
    }
    return List.copyOf(byKey.values());
  }

  private static ArgumentProblem problem(Error error) {
    String path = pointer(error.getInstanceLocation());
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    String property = error.getProperty();
    if (property != null) {
      switch (keyword) {
        case "required" -> {
          return new ArgumentProblem(
              path + "/" + escape(property), "required property '" + property + "' is missing");
        }
        case "additionalProperties", "unevaluatedProperties" -> {
          return new ArgumentProblem(
              path + "/" + escape(property), "property '" + property + "' is not allowed");
        }
        default -> {}
      }
    }
    return new ArgumentProblem(path, shorten(error.getMessage()));
  }

  /** RFC 6901 pointer of an instance location, built from its segments. */
  static String pointer(NodePath location) {
    if (location == null) return "";
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < location.getNameCount(); i++) {
      out.append('/').append(escape(String.valueOf(location.getElement(i))));
    }
    return out.toString();
  }

  static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }

  private static String shorten(String message) {
    if (message == null) return "invalid";
    return message.length() <= MAX_MESSAGE_LENGTH
        ? message
        : message.substring(0, MAX_MESSAGE_LENGTH) + "…";
  }
}
