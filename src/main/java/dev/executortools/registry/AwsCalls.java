package dev.executortools.registry;

import dev.executortools.ToolResult;
import dev.executortools.aws.AwsJsonErrorModel;
import dev.executortools.aws.SsoOidcProfile;
import dev.executortools.awsapi.AwsApi;
import dev.executortools.awsapi.AwsCredentialChain;
import dev.executortools.awsapi.AwsCredentials;
import dev.executortools.awsapi.AwsCredentialsException;
import dev.executortools.awsapi.AwsRequestShape;
import dev.executortools.awsapi.AwsWireShapes;
import dev.executortools.awsapi.AwsXml;
import dev.executortools.awsapi.SigV4Signer;
import dev.executortools.awsapi.SignedRequests;
import dev.executortools.bind.HttpRequestSpec;
import dev.executortools.compile.CompileOptions;
import dev.executortools.compile.CompiledTool;
import dev.executortools.compile.HttpBinding;
import dev.executortools.internal.Json;
import dev.executortools.invoke.RequestSigner;
import dev.executortools.invoke.SourceCredentials;
import dev.executortools.parse.SpecDocument;
import dev.executortools.result.ErrorModel;
import dev.executortools.result.ErrorResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The calls of AWS's APIs (sources added from the directory's AWS specs): the signer's parameters
 * and the fixed ones ({@code Action}, {@code Version}, {@code X-Amz-Target}) out of the tools'
 * schemas, filled in on every call; requests shaped for the API's protocol, on AWS's hosts over
 * https in the configured region; each signed (SigV4) with the credentials the AWS SDKs would use.
 */
final class AwsCalls {
  private final AwsCredentialChain chain;
  private final Clock clock;

  AwsCalls(Map<String, String> environment, Supplier<OkHttpClient> http, Clock clock) {
    this.chain = new AwsCredentialChain(environment, http, clock);
    this.clock = clock;
  }

  AwsCredentialChain chain() {
    return chain;
  }

  /**
   * The AWS API of a tool of an added source (the bundled SSO-OIDC source is AWS's too, but served
   * unsigned and shaped by its own profile), or empty.
   */
  static Optional<AwsApi> api(HttpToolEntry entry) {
    if (entry.source.id().equals(SsoOidcProfile.SOURCE_ID)) return Optional.empty();
    return AwsApi.of(entry.compiled.binding());
  }

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
   * ({@link AwsWireShapes}) in their bindings.
   */
  static List<CompiledTool> forAws(SpecDocument document, List<CompiledTool> tools) {
    List<CompiledTool> out = new ArrayList<>(tools.size());
    for (CompiledTool tool : tools) {
      if (tool.binding() != null && AwsApi.of(tool.binding()).isPresent()) {
        ObjectNode schema = tool.inputSchema();
        for (String property : AwsApi.fixedParams(tool.binding()).keySet()) {
          if (schema.path("properties") instanceof ObjectNode properties)
            properties.remove(property);
          if (schema.path("required") instanceof ArrayNode required) {
            for (int i = required.size() - 1; i >= 0; i--) {
              if (required.get(i).asString("").equals(property)) required.remove(i);
            }
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
   * The arguments to bind: the operation's fixed parameters filled in, the parameters its AWS
   * protocol encodes itself left out ({@link AwsWireShapes#shapedParams}).
   */
  static JsonNode withFixedParams(HttpBinding binding, JsonNode args) {
    Map<String, JsonNode> fixed = AwsApi.fixedParams(binding);
    Set<String> shaped = AwsWireShapes.shapedParams(binding);
    if ((fixed.isEmpty() && shaped.isEmpty()) || !(args instanceof ObjectNode object)) return args;
    ObjectNode copy = object.deepCopy();
    fixed.forEach(copy::set);
    shaped.forEach(copy::remove);
    return copy;
  }

  /** A request shaped and about to be signed, with the credentials that sign it. */
  record Signed(HttpRequestSpec request, SourceCredentials credentials) {}

  /**
   * @param modelChosenServer whether the arguments chose the server (its region is kept)
   * @param trusted whether the URL is on an origin the user gave the source (its base URL, its
   *     trusted origins); otherwise only AWS's own hosts get signed requests
   * @throws AwsCredentialsException when there are no credentials to sign with
   * @throws IllegalArgumentException when the server argument points away from AWS
   */
  Signed prepare(
      AwsApi api,
      HttpRequestSpec request,
      SourceCredentials base,
      boolean modelChosenServer,
      boolean trusted,
      JsonNode args,
      CompiledTool tool)
      throws AwsCredentialsException {
    String configured = chain.region(null);
    HttpRequestSpec shaped =
        AwsRequestShape.shape(
            request,
            api,
            modelChosenServer ? null : configured,
            args,
            tool.binding(),
            tool.inputSchema());
    HttpUrl url = HttpUrl.get(shaped.url());
    if (!trusted && !AwsRequestShape.isAwsHost(url.host())) {
      throw new IllegalArgumentException(
          "AWS credentials sign requests to AWS's hosts and the source's own base URL only; the"
              + " server argument points elsewhere");
    }
    String region = AwsRequestShape.regionOf(url.host());
    if (region == null) region = configured != null ? configured : "us-east-1";
    AwsCredentials credentials = chain.resolve(null);
    SigV4Signer.Scope scope = new SigV4Signer.Scope(region, api.service());
    return new Signed(shaped, base.withSigner(new Signer(scope, credentials, clock)));
  }

  /** Types of AWS errors worth sending again (throttling, a service briefly unavailable). */
  private static final Set<String> RETRYABLE =
      Set.of(
          "ThrottlingException",
          "Throttling",
          "RequestLimitExceeded",
          "ProvisionedThroughputExceededException",
          "TooManyRequestsException",
          "ServiceUnavailable",
          "ServiceUnavailableException",
          "InternalServerError",
          "InternalFailure",
          "SlowDown");

  private static final AwsJsonErrorModel JSON_ERRORS = new AwsJsonErrorModel(Map.of(), RETRYABLE);

  /**
   * AWS's error answers: JSON ({@code x-amzn-ErrorType}, {@code __type}) and XML ({@code <Code>},
   * {@code <Message>}), each an {@code upstream_http_error} with {@code details.type}.
   */
  static final ErrorModel ERRORS =
      response -> {
        JsonNode body = response.body();
        String text = text(body);
        if (text != null) {
          JsonNode parsed = readable(text, response.header("content-type"));
          if (parsed != null && parsed != body) {
            return JSON_ERRORS.toError(
                new ErrorResponse(
                    response.method(),
                    response.url(),
                    response.status(),
                    response.headers(),
                    flatten(parsed)));
          }
        }
        return JSON_ERRORS.toError(response);
      };

  /**
   * An XML error's {@code Error} element (under {@code ErrorResponse} in the query protocol, the
   * root itself in S3's) as the JSON fields the JSON error model reads.
   */
  private static JsonNode flatten(JsonNode parsed) {
    JsonNode error = parsed.path("Error").isObject() ? parsed.path("Error") : parsed;
    if (!error.path("Code").isString()) return parsed;
    ObjectNode fields = Json.object();
    fields.put("__type", error.path("Code").asString(""));
    fields.put("message", error.path("Message").asString(""));
    return fields;
  }

  /** A result whose AWS JSON or XML answer is JSON for the model. */
  static ToolResult readable(ToolResult result) {
    if (!result.ok() || result.data() == null || result.http() == null) return result;
    String text = text(result.data());
    if (text == null) return result;
    JsonNode parsed = readable(text, result.http().headers().get("content-type"));
    return parsed == null ? result : ToolResult.success(parsed, result.http());
  }

  /** A body as text: a string, or the {@code {"base64"}} form of a type not known as text. */
  private static String text(JsonNode data) {
    if (data.isString()) return data.asString();
    if (data.isObject() && data.path("base64").isString()) {
      try {
        return new String(
            java.util.Base64.getDecoder().decode(data.path("base64").asString()),
            java.nio.charset.StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }

  /** AWS's JSON ({@code application/x-amz-json-1.x}) and XML answers parsed, else null. */
  private static JsonNode readable(String text, String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
    try {
      if (type.contains("json")) return Json.parse(text);
      if (type.contains("xml") || text.stripLeading().startsWith("<")) return AwsXml.toJson(text);
    } catch (RuntimeException e) {
      return null;
    }
    return null;
  }

  /**
   * {@code status} ({@code auth status}) with, for each AWS source, which credentials its calls
   * would sign with and in which region: {@code "aws": {"credentials", "region"}}, never a value.
   */
  ToolResult withStatus(ToolResult status, List<HttpToolEntry> tools) {
    if (!status.ok()) return status;
    Set<String> awsSources = new java.util.HashSet<>();
    for (HttpToolEntry entry : tools) {
      if (api(entry).isPresent()) awsSources.add(entry.source.id());
    }
    for (JsonNode source : status.data().path("sources")) {
      if (source instanceof ObjectNode object
          && awsSources.contains(source.path("sourceId").asString(""))) {
        String region = chain.region(null);
        object
            .putObject("aws")
            .put("credentials", chain.describe(null))
            .put("region", region == null ? "us-east-1" : region);
      }
    }
    return status;
  }

  private record Signer(SigV4Signer.Scope scope, AwsCredentials credentials, Clock clock)
      implements RequestSigner {
    @Override
    public Request sign(Request request) throws IOException {
      return SignedRequests.sign(request, scope, credentials, clock.instant());
    }

    @Override
    public List<String> secretValues() {
      List<String> values = new ArrayList<>();
      values.add(credentials.secretAccessKey());
      if (credentials.sessionToken() != null) values.add(credentials.sessionToken());
      return values;
    }
  }
}
