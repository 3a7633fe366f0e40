package dev.executortools.registry;

import dev.executortools.awsapi.AwsApi;
import dev.executortools.awsapi.AwsWireShapes;
import dev.executortools.compile.CompileOptions;
import dev.executortools.compile.CompiledTool;
import dev.executortools.compile.HttpBinding;
import dev.executortools.parse.SpecDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How an AWS spec's tools are compiled and called: the signer's and the protocol's fixed parameters
 * out of the model's schema and filled in on each call, the bodies' wire shapes kept with the
 * bindings, and the source's {@code awsProfile} checked.
 */
final class AwsTools {
  private AwsTools() {}

  /** How an added source compiles: an AWS spec's tools leave out the signer's parameters. */
  static CompileOptions options(SpecDocument document, CompileOptions options) {
    if (!AwsApi.isAwsSpec(document.root())) return options;
    return new CompileOptions(
        options.sourceId(),
        options.idPrefix(),
        AwsApi.SIGNER_PARAM_KEYS,
        options.servers(),
        options.baseUrl());
  }

  /**
   * The tools with their fixed parameters out of their input schemas, their bodies' wire shapes
   * ({@link AwsWireShapes}) in their bindings, and the {@code body} of a query or JSON-protocol
   * operation optional when it has no required member ({@code ListTables} takes {@code {}}): {@link
   * #withFixedParams} sends an empty input then.
   */
  static List<CompiledTool> forAws(SpecDocument document, List<CompiledTool> tools) {
    List<CompiledTool> out = new ArrayList<>(tools.size());
    for (CompiledTool tool : tools) {
      Optional<AwsApi> api = tool.binding() == null ? Optional.empty() : AwsApi.of(tool.binding());
      if (api.isPresent()) {
        ObjectNode schema = tool.inputSchema();
        Set<String> dropped = new java.util.HashSet<>(AwsApi.fixedParams(tool.binding()).keySet());
        if (schema.path("properties") instanceof ObjectNode properties) {
          dropped.forEach(properties::remove);
        }
        if (api.get().protocol() != AwsApi.Protocol.REST && emptyInputWorks(schema)) {
          dropped.add("body");
        }
        if (schema.path("required") instanceof ArrayNode required) {
          for (int i = required.size() - 1; i >= 0; i--) {
            if (dropped.contains(required.get(i).asString(""))) required.remove(i);
          }
        }
        String operationId = tool.operation() == null ? "" : tool.operation().operationId();
        tool =
            new CompiledTool(
                tool.tool(),
                tool.inputSchema(),
                tool.outputSchema(),
                AwsWireShapes.of(tool.binding(), document.root(), operationId),
                tool.operation());
      }
      out.add(tool);
    }
    return out;
  }

  /**
   * Whether the input schema's {@code body} (or the {@code $defs} entry it names) requires none.
   */
  private static boolean emptyInputWorks(JsonNode schema) {
    JsonNode body = schema.path("properties").path("body");
    String ref = body.path("$ref").asString("");
    if (ref.startsWith("#/$defs/")) {
      body = schema.path("$defs").path(ref.substring("#/$defs/".length()));
    }
    return body.isObject() && body.path("required").isEmpty();
  }

  /**
   * The arguments to bind: the operation's fixed parameters filled in, the parameters its AWS
   * protocol encodes itself left out ({@link AwsWireShapes#shapedParams}), and an empty input for a
   * query or JSON-protocol operation called without one.
   */
  static JsonNode withFixedParams(HttpBinding binding, JsonNode args) {
    Map<String, JsonNode> fixed = AwsApi.fixedParams(binding);
    Set<String> shaped = AwsWireShapes.shapedParams(binding);
    boolean noInput =
        args instanceof ObjectNode
            && !args.has("body")
            && binding.requestBody() != null
            && AwsApi.of(binding).map(a -> a.protocol() != AwsApi.Protocol.REST).orElse(false);
    if ((fixed.isEmpty() && shaped.isEmpty() && !noInput) || !(args instanceof ObjectNode object)) {
      return args;
    }
    ObjectNode copy = object.deepCopy();
    fixed.forEach(copy::set);
    shaped.forEach(copy::remove);
    if (noInput) copy.putObject("body");
    return copy;
  }

  /**
   * A source's {@code awsProfile} as asked for, or null.
   *
   * @throws IllegalArgumentException when it is given for a spec that is not AWS's
   */
  static String profileOption(String profile, SpecDocument document) {
    if (profile == null) return null;
    if (!AwsApi.isAwsSpec(document.root())) {
      throw new IllegalArgumentException(
          "awsProfile is for AWS specs (servers on amazonaws.com); this spec is not one");
    }
    return profile;
  }
}
