package dev.executortools.store;

import dev.executortools.CredentialValue;
import dev.executortools.Tool;
import dev.executortools.ToolAnnotations;
import dev.executortools.compile.CompiledTool;
import dev.executortools.compile.HttpBinding;
import dev.executortools.compile.OperationInfo;
import dev.executortools.compile.ParamBinding;
import dev.executortools.extract.MediaTypeSpec;
import dev.executortools.extract.Param;
import dev.executortools.extract.RequestBodySpec;
import dev.executortools.extract.ServerSpec;
import dev.executortools.extract.ServerVariable;
import dev.executortools.internal.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/** Sources and compiled tools for store tests, shaped like what the compile stage produces. */
public final class StoreFixtures {
  public static final String LITERAL_TOKEN = "lit-Tok3n-9f8e7d";
  public static final Instant ADDED = Instant.parse("2025-01-02T03:04:05.123456Z");

  private static final ObjectNode PET =
      (ObjectNode)
          Json.parse(
              "{\"type\":\"object\",\"required\":[\"name\"],\"properties\":{\"name\":{\"type\":\"string\","
                  + "\"maxLength\":150},\"weight\":{\"type\":\"number\",\"minimum\":0.5},\"tags\":{\"type\":"
                  + "\"array\",\"items\":{\"$ref\":\"#/components/schemas/Tag\"}},\"note\":{\"type\":\"string\",\"nullable\":true,\"example\":\"caf\\u00e9"
                  + " \\\"quoted\\\" \\n"
                  + " line\"}}}");

  private static final JsonNode PET_REF = Json.parse("{\"$ref\":\"#/components/schemas/Pet\"}");

  private StoreFixtures() {}

  /**
   * A POST tool with path, query and header params, two body media types and a templated server.
   */
  public static CompiledTool richTool(String namespace, int index) {
    Param id =
        new Param(
            "id",
            "path",
            true,
            "The pet id",
            false,
            Json.parse("{\"type\":\"integer\",\"format\":\"int64\"}"),
            null,
            null,
            false,
            null);
    Param tags =
        new Param(
            "tags",
            "query",
            false,
            null,
            true,
            Json.parse("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}"),
            "pipeDelimited",
            false,
            true,
            null);
    Param trace =
        new Param(
            "X-Trace",
            "header",
            false,
            "",
            false,
            null,
            "simple",
            Boolean.TRUE,
            false,
            "application/json");
    Param idCookie =
        new Param(
            "id", "cookie", false, null, false, NullNode.getInstance(), null, null, false, null);
    RequestBodySpec body =
        new RequestBodySpec(
            true,
            "a pet",
            List.of(
                new MediaTypeSpec("application/json", PET_REF, null),
                new MediaTypeSpec(
                    "multipart/form-data",
                    PET_REF,
                    Json.parse("{\"photo\":{\"contentType\":\"image/png\"}}")),
                new MediaTypeSpec("application/octet-stream", null, null)));
    Map<String, ServerVariable> variables = new LinkedHashMap<>();
    variables.put("region", new ServerVariable("eu", List.of("eu", "us"), "Region"));
    variables.put("version", new ServerVariable("v1", List.of(), null));
    HttpBinding binding =
        new HttpBinding(
            "post",
            "/pets/{id}",
            List.of(
                new ParamBinding("id", id),
                new ParamBinding("tags", tags),
                new ParamBinding("X-Trace", trace),
                new ParamBinding("id__cookie", idCookie)),
            body,
            List.of(
                new ServerSpec("https://{region}.example.com/{version}", "regional", variables),
                new ServerSpec("/relative", null, Map.of())));
    String name = "pets.create" + index;
    ObjectNode input = Json.object();
    input.put("type", "object");
    input.put("additionalProperties", false);
    input.putObject("properties").putObject("id").put("type", "integer");
    input.putObject("$defs").set("Pet", PET);
    ObjectNode output = Json.object();
    output.put("$ref", "#/$defs/Pet");
    output.putObject("$defs").set("Pet", PET);
    Tool tool =
        new Tool(
            namespace + "." + name,
            name,
            namespace,
            "Create pet " + index,
            input,
            output,
            ToolAnnotations.forHttp("post", "/pets/{id}"));
    return new CompiledTool(
        tool,
        binding,
        new OperationInfo("createPet", "Create a pet", List.of("pets", "admin"), true));
  }

  /** A GET tool without parameters, body or servers. */
  public static CompiledTool plainTool(String namespace, int index) {
    String name = "pets.list" + index;
    ObjectNode input =
        (ObjectNode) Json.parse("{\"type\":\"object\",\"additionalProperties\":false}");
    Tool tool =
        new Tool(
            namespace + "." + name,
            name,
            namespace,
            "",
            input,
            null,
            ToolAnnotations.forHttp("get", "/pets"));
    return new CompiledTool(
        tool,
        new HttpBinding("get", "/pets", List.of(), null, List.of()),
        new OperationInfo("get_pets", null, List.of(), false));
  }

  public static List<CompiledTool> tools(String namespace, int count) {
    List<CompiledTool> tools = new ArrayList<>(count);
    for (int i = 0; i < count; i++)
      tools.add(i % 2 == 0 ? richTool(namespace, i) : plainTool(namespace, i));
    return tools;
  }

  /**
   * A source with a literal header (LITERAL_TOKEN), a secret-referencing header and query param.
   */
  public static SourceConfig config(String namespace) {
    Map<String, CredentialValue> headers = new LinkedHashMap<>();
    headers.put("X-Api-Key", new CredentialValue.Literal(LITERAL_TOKEN));
    headers.put("Authorization", new CredentialValue.SecretRef("gh_token", "Bearer "));
    return new SourceConfig(
        namespace,
        "Pets of " + namespace,
        "https://user:pw@example.com/" + namespace + "/openapi.json",
        "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"Pets\"}}",
        "https://api.example.com",
        headers,
        Map.of("key", CredentialValue.SecretRef.of("api_key")),
        Map.of("Authorization", new CredentialValue.SecretRef("fetch_token", "token ")),
        Map.of());
  }

  public static StoredSource source(String namespace, int toolCount) {
    return StoredSource.added(config(namespace), tools(namespace, toolCount), ADDED);
  }

  /** Reads a JSON value; a test shorthand. */
  public static JsonNode json(String text) {
    return Json.parse(text);
  }
}
