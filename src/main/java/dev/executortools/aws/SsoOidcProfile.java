package dev.executortools.aws;

import dev.executortools.bind.ServerResolver;
import dev.executortools.extract.ServerSpec;
import dev.executortools.extract.ServerVariable;
import dev.executortools.internal.Namespaces;
import dev.executortools.result.ErrorModel;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What is particular about the bundled AWS SSO-OIDC source, as data the generic stages take:
 *
 * @param hiddenParamKeys parameters left out of the tools' input schemas and never sent ({@code
 *     Param.key()} form): the seven SigV4 headers the APIs.guru spec declares on every path. AWS
 *     serves these operations unsigned (botocore: {@code authtype: none}, {@code
 *     smithy.api#noAuth}).
 * @param unappliedSecuritySchemes security schemes of the spec not applied to requests: {@code
 *     hmac} (SigV4 via {@code Authorization}); requests go unsigned.
 * @param requestContentType the media type bodies are sent with: {@code application/json}, what the
 *     spec declares for every request body and what the AWS SDKs send for REST-JSON services.
 * @param serverResolver the endpoint rule ({@link AwsEndpointResolver})
 * @param errorModel AWS's error replies ({@link AwsJsonErrorModel} with the SSO-OIDC codes)
 */
public record SsoOidcProfile(
    Set<String> hiddenParamKeys,
    Set<String> unappliedSecuritySchemes,
    String requestContentType,
    ServerResolver serverResolver,
    ErrorModel errorModel) {

  /**
   * The bundled source's id, also a reserved namespace: what the namespace rule makes of the spec's
   * title ({@code AWS SSO OIDC}). Its tools' ids carry no prefix ({@code token.createToken}).
   */
  public static final String SOURCE_ID = Namespaces.BUNDLED;

  /** The bundled spec on the classpath. */
  public static final String SPEC_RESOURCE = "/specs/sso-oidc-2019-06-10.openapi.yaml";

  public static final Set<String> SIGV4_HEADER_KEYS =
      Set.of(
          "header:X-Amz-Content-Sha256",
          "header:X-Amz-Date",
          "header:X-Amz-Algorithm",
          "header:X-Amz-Credential",
          "header:X-Amz-Security-Token",
          "header:X-Amz-Signature",
          "header:X-Amz-SignedHeaders");

  /**
   * The endpoint as the tools' {@code server} property describes it (the spec lists plain-http
   * variants and an outdated region enum; {@link AwsEndpointResolver} decides the real URL).
   */
  public static final List<ServerSpec> SERVERS =
      List.of(
          new ServerSpec(
              "https://oidc.{region}.amazonaws.com",
              "IAM Identity Center OIDC; .amazonaws.com.cn for cn-* regions; AWS_ENDPOINT_URL_SSO_OIDC or"
                  + " AWS_ENDPOINT_URL replace it",
              Map.of(
                  "region",
                  new ServerVariable(
                      "us-east-1",
                      List.of(),
                      "AWS region; default: AWS_REGION, else AWS_DEFAULT_REGION, else us-east-1"))));

  public SsoOidcProfile {
    hiddenParamKeys = Set.copyOf(hiddenParamKeys);
    unappliedSecuritySchemes = Set.copyOf(unappliedSecuritySchemes);
    Objects.requireNonNull(requestContentType, "requestContentType");
    Objects.requireNonNull(serverResolver, "serverResolver");
    Objects.requireNonNull(errorModel, "errorModel");
  }

  /** The profile with endpoints read from the process environment. */
  public static SsoOidcProfile standard() {
    return create(System::getenv);
  }

  /** The profile with endpoints read from {@code environment} (tests, embedding hosts). */
  public static SsoOidcProfile create(Function<String, String> environment) {
    return new SsoOidcProfile(
        SIGV4_HEADER_KEYS,
        Set.of("hmac"),
        "application/json",
        new AwsEndpointResolver(environment),
        SsoOidcErrors.model());
  }

  public static SsoOidcProfile create(Map<String, String> environment) {
    Map<String, String> copy = Map.copyOf(environment);
    return create(copy::get);
  }
}
