package dev.executortools.registry;

import dev.executortools.ErrorCode;
import dev.executortools.ToolError;
import dev.executortools.ToolResult;
import dev.executortools.aws.AwsJsonErrorModel;
import dev.executortools.aws.SsoOidcProfile;
import dev.executortools.awsapi.AwsApi;
import dev.executortools.awsapi.AwsCredentialChain;
import dev.executortools.awsapi.AwsCredentials;
import dev.executortools.awsapi.AwsCredentialsException;
import dev.executortools.awsapi.AwsEndpoints;
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
import dev.executortools.invoke.HttpTransport;
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
  private final String awsProfile;
  private final Map<String, String> environment;

  /**
   * @param guarded the network policy's client, for addresses the environment names (container
   *     credentials)
   * @param awsProfile the profile every AWS source signs with ({@code --profile}), or null
   */
  AwsCalls(
      Map<String, String> environment,
      Supplier<OkHttpClient> http,
      Supplier<OkHttpClient> guarded,
      Clock clock,
      String awsProfile) {
    this.chain = new AwsCredentialChain(environment, http, guarded, clock);
    this.clock = clock;
    this.awsProfile = awsProfile;
    this.environment = Map.copyOf(environment);
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
   * Calls {@code request} of {@code source}: shaped, signed with the credentials of the source's
   * profile ({@link #profileOf}) and sent; an answer that the credentials have expired ({@code
   * ExpiredToken}, {@code ExpiredTokenException}) drops them and sends once more with fresh ones.
   *
   * @param modelChosenServer whether the arguments chose the server (its region is kept)
   * @param trusted whether the URL is on an origin the user gave the source (its base URL, its
   *     trusted origins); otherwise only AWS's own hosts get signed requests
   * @param guarded whether the network policy applies (a server the model chose)
   */
  ToolResult call(
      AwsApi api,
      SourceRuntime source,
      HttpRequestSpec request,
      SourceCredentials base,
      boolean modelChosenServer,
      boolean trusted,
      boolean guarded,
      JsonNode args,
      CompiledTool tool,
      HttpTransport transport) {
    String profile = profileOf(source);
    String configured = chain.region(profile);
    HttpRequestSpec shaped;
    try {
      shaped =
          AwsRequestShape.shape(
              request,
              api,
              modelChosenServer ? null : configured,
              args,
              tool.binding(),
              tool.inputSchema());
    } catch (IllegalArgumentException e) {
      return ToolResult.failure(ErrorCode.INVALID_ARGUMENTS, e.getMessage());
    }
    HttpUrl url = HttpUrl.get(shaped.url());
    String endpoint =
        modelChosenServer || source.baseUrl() != null
            ? null
            : AwsEndpoints.override(environment, api.service());
    if (endpoint != null && HttpUrl.parse(endpoint) != null) {
      url = onEndpoint(url, HttpUrl.get(endpoint));
      shaped =
          new HttpRequestSpec(
              shaped.method(),
              url.toString(),
              shaped.headers(),
              shaped.body(),
              shaped.contentType());
      trusted = true; // the user's own environment names it
    }
    if (!trusted && !AwsRequestShape.isAwsHost(url.host())) {
      return ToolResult.failure(
          ErrorCode.INVALID_ARGUMENTS,
          "AWS credentials sign requests to AWS's hosts and the source's own base URL only; the"
              + " server argument points elsewhere");
    }
    SigV4Signer.Scope scope =
        new SigV4Signer.Scope(
            region(url.host(), configured),
            source.awsSigningName() != null ? source.awsSigningName() : api.service());
    ToolResult result = null;
    for (int attempt = 0; attempt < 2; attempt++) {
      AwsCredentials credentials;
      try {
        credentials = chain.resolve(profile);
      } catch (AwsCredentialsException e) {
        return ToolResult.failure(ErrorCode.AUTH_REQUIRED, e.getMessage());
      }
      result =
          readable(
              transport.send(
                  shaped, base.withSigner(new Signer(scope, credentials, clock)), ERRORS, guarded));
      if (!expired(result)) return result;
      chain.forget(profile, credentials);
    }
    return result;
  }

  /**
   * The region a request to {@code host} signs for: the host's own ({@code
   * dynamodb.eu-west-1.amazonaws.com}); on a global endpoint of AWS ({@code sts.amazonaws.com},
   * {@code iam.amazonaws.com}) that of its partition, us-east-1 (cn-north-1 in China), as the SDKs
   * sign for it; elsewhere (a base URL, {@code AWS_ENDPOINT_URL}) the configured one, else
   * us-east-1.
   */
  static String region(String host, String configured) {
    String region = AwsRequestShape.regionOf(host);
    if (region != null) return region;
    if (AwsRequestShape.isAwsHost(host)) {
      return host.toLowerCase(java.util.Locale.ROOT).endsWith(".cn") ? "cn-north-1" : "us-east-1";
    }
    return configured != null ? configured : "us-east-1";
  }

  /** {@code url}'s path and query under {@code endpoint} ({@code AWS_ENDPOINT_URL_...}). */
  private static HttpUrl onEndpoint(HttpUrl url, HttpUrl endpoint) {
    String base =
        endpoint.encodedPath().endsWith("/")
            ? endpoint.encodedPath()
            : endpoint.encodedPath() + "/";
    return url.newBuilder()
        .scheme(endpoint.scheme())
        .host(endpoint.host())
        .port(endpoint.port())
        .encodedPath(base + url.encodedPath().substring(1))
        .build();
  }

  /**
   * The profile a source's calls sign with: the registry's ({@code --profile}), else the source's
   * {@code awsProfile}, else null (the environment's keys, then {@code AWS_PROFILE}, then {@code
   * default}). A profile named in code beats {@code AWS_PROFILE} in the AWS SDKs too ({@code
   * ProfileCredentialsProvider.builder().profileName}), and the AWS CLI's {@code --profile} beats
   * both.
   */
  String profileOf(SourceRuntime source) {
    if (awsProfile != null) return awsProfile;
    return source.awsProfile();
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

  /** Error types by which AWS says the credentials' session has expired. */
  private static final Set<String> EXPIRED = Set.of("ExpiredToken", "ExpiredTokenException");

  private static boolean expired(ToolResult result) {
    ToolError error = result.error();
    if (error == null || error.code() != ErrorCode.UPSTREAM_HTTP_ERROR) return false;
    if (error.status() == null || (error.status() != 400 && error.status() != 403)) return false;
    return error.details() != null && EXPIRED.contains(error.details().path("type").asString(""));
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
    Map<String, SourceRuntime> awsSources = new java.util.HashMap<>();
    for (HttpToolEntry entry : tools) {
      if (api(entry).isPresent()) awsSources.put(entry.source.id(), entry.source);
    }
    for (JsonNode source : status.data().path("sources")) {
      SourceRuntime runtime = awsSources.get(source.path("sourceId").asString(""));
      if (source instanceof ObjectNode object && runtime != null) {
        String profile = profileOf(runtime);
        String region = chain.region(profile);
        ObjectNode aws = object.putObject("aws");
        String credentials = chain.describe(profile);
        if (!credentials.startsWith("environment")) aws.put("profile", chain.profileName(profile));
        aws.put("credentials", credentials);
        aws.put("region", region == null ? "us-east-1" : region);
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
