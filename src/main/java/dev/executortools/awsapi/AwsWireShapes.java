package dev.executortools.awsapi;

import dev.executortools.compile.HttpBinding;
import dev.executortools.compile.ParamBinding;
import dev.executortools.extract.MediaTypeSpec;
import dev.executortools.extract.Param;
import dev.executortools.extract.RequestBodySpec;
import dev.executortools.internal.Json;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The request body of an AWS operation as its wire needs it, kept with the tool's binding in place
 * of the raw schema (whose {@code $ref}s point into a document a call no longer has): the members
 * in the order of their shape, with what the directory's specs keep of the AWS model in OpenAPI's
 * {@code xml} object and nowhere else (the tools' input schemas drop it) — a member's wire name
 * ({@code xml.name}: the model's {@code locationName}, EC2's {@code Filter} for {@code Filters}), a
 * flattened list or map ({@code xml.wrapped: false}), an XML attribute, and the payload's
 * namespace, which the directory puts on the operation's {@code <OperationId>Request} schema
 * ({@code CreateBucketRequest}: {@code http://s3.amazonaws.com/doc/2006-03-01/}).
 *
 * <p>The result is self-contained: its shapes are in its own {@code $defs}, {@code $ref}s point
 * there, and {@code allOf} pairs ({@code $ref} plus a member's {@code xml}) are merged into one.
 */
public final class AwsWireShapes {
  /** The key that marks a schema as a wire shape. */
  static final String MARK = "x-awsWireShape";

  private static final String COMPONENTS = "#/components/schemas/";
  private static final Set<String> KEPT = Set.of("type", "format", "xml");

  private final JsonNode schemas;
  private final ObjectNode defs = Json.object();
  private final Deque<String> pending = new ArrayDeque<>();
  private final Set<String> seen = new LinkedHashSet<>();

  private AwsWireShapes(JsonNode document) {
    this.schemas = document.path("components").path("schemas");
  }

  /**
   * The binding with each request-body schema replaced by its wire shape, and so the schema of each
   * structured query parameter of a query-protocol operation (the directory's GET variants: EC2's
   * {@code Filter} list).
   */
  public static HttpBinding of(HttpBinding binding, JsonNode document, String operationId) {
    RequestBodySpec body = binding.requestBody();
    if (body != null) {
      List<MediaTypeSpec> types = new ArrayList<>();
      for (MediaTypeSpec type : body.mediaTypes()) {
        JsonNode schema = type.schema();
        types.add(
            schema == null
                ? type
                : new MediaTypeSpec(
                    type.mediaType(), payload(schema, document, operationId), type.encoding()));
      }
      body = new RequestBodySpec(body.required(), body.description(), types);
    }
    boolean query = AwsApi.of("", binding.pathTemplate()).protocol() == AwsApi.Protocol.QUERY;
    List<ParamBinding> params = new ArrayList<>();
    for (ParamBinding param : binding.params()) {
      Param p = param.param();
      params.add(
          query && p.location().equals("query") && structured(p.schema())
              ? new ParamBinding(
                  param.property(),
                  new Param(
                      p.name(),
                      p.location(),
                      p.required(),
                      p.description(),
                      p.deprecated(),
                      wire(p.schema(), document),
                      p.style(),
                      p.explode(),
                      p.allowReserved(),
                      p.contentType()))
              : param);
    }
    return new HttpBinding(
        binding.method(),
        binding.pathTemplate(),
        params,
        body,
        binding.servers(),
        binding.security());
  }

  /** Whether a schema is a list, map or structure (a scalar's, enums included, stays as it is). */
  private static boolean structured(JsonNode schema) {
    return schema != null
        && (schema.has("$ref")
            || schema.has("items")
            || schema.has("properties")
            || schema.has("additionalProperties"));
  }

  /**
   * The properties of the query parameters this operation's requests carry as AWS does ({@code
   * AwsRequestShape}), which the generic binder must leave out.
   */
  public static Set<String> shapedParams(HttpBinding binding) {
    Set<String> shaped = new LinkedHashSet<>();
    for (ParamBinding param : binding.params()) {
      if (isWireShape(param.param().schema())) shaped.add(param.property());
    }
    return shaped;
  }

  /** Whether a schema is a wire shape made here. */
  static boolean isWireShape(JsonNode schema) {
    return schema != null && schema.path(MARK).asBoolean(false);
  }

  /** A schema's wire shape, its shapes in its own {@code $defs}. */
  static ObjectNode wire(JsonNode schema, JsonNode document) {
    AwsWireShapes shapes = new AwsWireShapes(document);
    ObjectNode root = shapes.shape(schema);
    while (!shapes.pending.isEmpty()) {
      String name = shapes.pending.pop();
      shapes.defs.set(name, shapes.shape(shapes.schemas.path(name)));
    }
    if (!shapes.defs.isEmpty()) root.set("$defs", shapes.defs);
    root.put(MARK, true);
    return root;
  }

  /**
   * A request body's wire shape, with the XML root's name and namespace of the operation's {@code
   * <OperationId>Request} schema (default name: {@code <OperationId>Request}).
   */
  static ObjectNode payload(JsonNode schema, JsonNode document, String operationId) {
    ObjectNode root = wire(schema, document);
    JsonNode request =
        document.path("components").path("schemas").path(operationId + "Request").path("xml");
    ObjectNode xml = root.path("xml").isObject() ? (ObjectNode) root.get("xml") : Json.object();
    if (request.path("namespace").isString() && !xml.has("namespace")) {
      xml.set("namespace", request.path("namespace"));
    }
    if (!xml.has("name")) {
      xml.put("name", request.path("name").asString(operationId + "Request"));
    }
    root.set("xml", xml);
    return root;
  }

  private ObjectNode shape(JsonNode schema) {
    ObjectNode out = Json.object();
    if (schema == null || !schema.isObject()) return out;
    for (Map.Entry<String, JsonNode> entry : schema.properties()) {
      String key = entry.getKey();
      JsonNode value = entry.getValue();
      if (KEPT.contains(key)) {
        out.set(key, value.deepCopy());
      } else if (key.equals("$ref")) {
        out.put("$ref", reference(value.asString("")));
      } else if (key.equals("properties")) {
        ObjectNode properties = out.putObject("properties");
        value.properties().forEach(p -> properties.set(p.getKey(), shape(p.getValue())));
      } else if ((key.equals("items") || key.equals("additionalProperties")) && value.isObject()) {
        out.set(key, shape(value));
      } else if (key.equals("allOf")) {
        for (JsonNode part : value) {
          ObjectNode merged = shape(part);
          merged.properties().forEach(p -> out.set(p.getKey(), p.getValue()));
        }
      }
    }
    return out;
  }

  private String reference(String ref) {
    if (!ref.startsWith(COMPONENTS)) return ref;
    String name = ref.substring(COMPONENTS.length());
    if (seen.add(name)) pending.push(name);
    return "#/$defs/" + name;
  }
}
