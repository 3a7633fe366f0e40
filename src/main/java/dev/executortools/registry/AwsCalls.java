package dev.executortools.registry;

import dev.executortools.ErrorCode;
import dev.executortools.ToolResult;
import dev.executortools.aws.SsoOidcProfile;
import dev.executortools.awsapi.AwsApi;
import dev.executortools.awsapi.AwsCredentialChain;
import dev.executortools.awsapi.AwsCredentials;
import dev.executortools.awsapi.AwsCredentialsException;
import dev.executortools.awsapi.AwsEndpoints;
import dev.executortools.awsapi.AwsRequestShape;
import dev.executortools.awsapi.SigV4Signer;
import dev.executortools.awsapi.SignedRequests;
import dev.executortools.bind.HttpRequestSpec;
import dev.executortools.compile.CompiledTool;
import dev.executortools.invoke.HttpTransport;
import dev.executortools.invoke.RequestSigner;
import dev.executortools.invoke.SourceCredentials;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The calls of AWS's APIs (sources added from the directory's AWS specs): each request shaped for
 * the API's protocol, on AWS's hosts over https in the configured region, signed (SigV4) with the
 * credentials the AWS SDKs would use, and sent again once when they have expired. The tools' fixed
 * parameters are {@link AwsTools}'; how answers read, {@link AwsAnswers}'.
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
          AwsAnswers.readable(
              transport.send(
                  shaped,
                  base.withSigner(new Signer(scope, credentials, clock)),
                  AwsAnswers.ERRORS,
                  guarded));
      if (!AwsAnswers.expired(result)) return result;
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
