package dev.executortools.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.executortools.ErrorCode;
import dev.executortools.HttpSettings;
import dev.executortools.ToolError;
import dev.executortools.ToolResult;
import dev.executortools.bind.HttpRequestSpec;
import dev.executortools.internal.Json;
import dev.executortools.invoke.HttpTransport;
import dev.executortools.invoke.SourceCredentials;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.SsoOidcException;
import tools.jackson.databind.JsonNode;

@Timeout(60)
class AwsJsonErrorModelTest {
  private static final String CORAL = ":http://internal.amazon.com/coral/com.amazonaws.sso.oidc/";

  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private static final HttpTransport transport = HttpTransport.create(HttpSettings.defaults());
  private static final AwsJsonErrorModel model = SsoOidcErrors.model();

  private static ResponseDefinitionBuilder awsError(int status, String typeHeader, String body) {
    ResponseDefinitionBuilder response =
        aResponse()
            .withStatus(status)
            .withHeader("Content-Type", "application/json")
            .withBody(body);
    return typeHeader == null ? response : response.withHeader("x-amzn-ErrorType", typeHeader);
  }

  private static String body(String error, String description) {
    return "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}";
  }

  private static ToolError createToken() {
    byte[] request =
        "{\"clientId\":\"c\",\"clientSecret\":\"s\",\"grantType\":\"g\"}"
            .getBytes(StandardCharsets.UTF_8);
    ToolResult result =
        transport.send(
            new HttpRequestSpec(
                "POST",
                "http://127.0.0.1:" + server.getPort() + "/token",
                List.of(),
                request,
                "application/json"),
            SourceCredentials.NONE,
            model);
    assertThat(result.ok()).isFalse();
    return result.error();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "AuthorizationPendingException, 400, authorization_pending, true",
    "SlowDownException,             400, slow_down,             true",
    "ExpiredTokenException,         400, expired_token,         false",
    "AccessDeniedException,         400, access_denied,         false",
    "InvalidGrantException,         400, invalid_grant,         false",
    "InvalidRequestException,       400, invalid_request,       false",
    "InvalidScopeException,         400, invalid_scope,         false",
    "UnauthorizedClientException,   400, unauthorized_client,   false",
    "UnsupportedGrantTypeException, 400, unsupported_grant_type, false",
    "InvalidClientException,        401, invalid_client,        false",
    "InternalServerException,       500, server_error,          true",
  })
  void awsErrorTypeComesFromTheHeader(String type, int status, String error, boolean retryable) {
    server.stubFor(
        post(urlEqualTo("/token"))
            .willReturn(awsError(status, type + CORAL, body(error, "Details here"))));

    ToolError result = createToken();

    assertThat(result.code()).isEqualTo(ErrorCode.UPSTREAM_HTTP_ERROR);
    assertThat(result.status()).isEqualTo(status);
    assertThat(result.retryable()).isEqualTo(retryable);
    assertThat(result.details().get("type").stringValue()).isEqualTo(type);
    assertThat(result.details().get("error").stringValue()).isEqualTo(error);
    assertThat(result.details().get("error_description").stringValue()).isEqualTo("Details here");
    assertThat(result.message())
        .isEqualTo(
            type
                + " (HTTP "
                + status
                + " from POST http://127.0.0.1:"
                + server.getPort()
                + "/token): Details here");
  }

  @ParameterizedTest(name = "{1} → {0}")
  @CsvSource({
    "AuthorizationPendingException, authorization_pending",
    "SlowDownException,             slow_down",
    "ExpiredTokenException,         expired_token",
    "AccessDeniedException,         access_denied",
    "InvalidClientException,        invalid_client",
    "InvalidGrantException,         invalid_grant",
    "InvalidRequestException,       invalid_request",
    "InvalidScopeException,         invalid_scope",
    "UnauthorizedClientException,   unauthorized_client",
    "UnsupportedGrantTypeException, unsupported_grant_type",
    "InternalServerException,       server_error",
    "InvalidClientMetadataException, invalid_client_metadata",
    "InvalidRedirectUriException,   invalid_redirect_uri",
  })
  void withoutTheHeaderTheOAuthErrorCodeNamesTheType(String type, String error) {
    server.stubFor(post(urlEqualTo("/token")).willReturn(awsError(400, null, body(error, "d"))));

    assertThat(createToken().details().get("type").stringValue()).isEqualTo(type);
  }

  /** One exception shape of the AWS service model: its name, HTTP status and OAuth error code. */
  record ModelException(String name, int status, String errorCode) {
    @Override
    public String toString() {
      return name + " (" + status + ", " + errorCode + ")";
    }
  }

  private static final Pattern SINGLE_ERROR_CODE =
      Pattern.compile("For this exception the value will be <code>([a-z_]+)</code>");

  /**
   * The exceptions of the bundled botocore model ({@code sso-oidc/2019-06-10/service-2.json}, see
   * specs/SOURCES.md), each with the status and the {@code error} code its documentation gives.
   */
  static List<ModelException> botocoreExceptions() throws Exception {
    JsonNode shapes;
    try (InputStream in =
        AwsJsonErrorModelTest.class.getResourceAsStream(
            "/sso-oidc-2019-06-10.botocore-service-2.json")) {
      shapes = Json.MAPPER.readTree(in).get("shapes");
    }
    List<ModelException> exceptions = new ArrayList<>();
    for (var shape : shapes.properties()) {
      if (!shape.getValue().path("exception").asBoolean()) continue;
      Matcher code =
          SINGLE_ERROR_CODE.matcher(
              shape.getValue().path("members").path("error").path("documentation").asString());
      assertThat(code.find()).as("error code documented for %s", shape.getKey()).isTrue();
      exceptions.add(
          new ModelException(
              shape.getKey(),
              shape.getValue().path("error").path("httpStatusCode").asInt(),
              code.group(1)));
    }
    return exceptions;
  }

  @Test
  void theBotocoreModelHasFourteenExceptionsOverThirteenErrorCodes() throws Exception {
    List<ModelException> exceptions = botocoreExceptions();
    assertThat(exceptions).hasSize(14);
    assertThat(exceptions.stream().map(ModelException::errorCode).distinct()).hasSize(13);
  }

  /**
   * Without {@code x-amzn-ErrorType} or {@code __type}, the reply the model describes for each
   * exception (its status, a body with its {@code error} code) is named after that exception,
   * keeping its status. {@code invalid_request} is the code of both InvalidRequestException and
   * InvalidRequestRegionException; only the header tells them apart, so the first is expected.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("botocoreExceptions")
  void withoutTheHeaderEachExceptionOfTheServiceModelIsNamed(ModelException exception) {
    server.stubFor(
        post(urlEqualTo("/token"))
            .willReturn(
                awsError(exception.status(), null, body(exception.errorCode(), "from the model"))));

    ToolError result = createToken();

    String expected =
        exception.name().equals("InvalidRequestRegionException")
            ? "InvalidRequestException"
            : exception.name();
    assertThat(result.code()).isEqualTo(ErrorCode.UPSTREAM_HTTP_ERROR);
    assertThat(result.details().get("type").stringValue()).isEqualTo(expected);
    assertThat(result.status()).isEqualTo(exception.status());
    assertThat(result.details().get("error").stringValue()).isEqualTo(exception.errorCode());
    assertThat(result.message())
        .startsWith(expected + " (HTTP " + exception.status() + " from POST ")
        .endsWith(": from the model");
  }

  @Test
  void bodyTypeWithNamespaceIsUsedWhenTheHeaderIsMissing() {
    server.stubFor(
        post(urlEqualTo("/token"))
            .willReturn(
                awsError(
                    400,
                    null,
                    "{\"__type\":\"com.amazonaws.ssooidc#SlowDownException\",\"error\":\"slow_down\"}")));

    ToolError result = createToken();

    assertThat(result.details().get("type").stringValue()).isEqualTo("SlowDownException");
    assertThat(result.retryable()).isTrue();
  }

  @Test
  void replyWithoutAnyTypeFallsBackToTheGenericModel() {
    server.stubFor(
        post(urlEqualTo("/token"))
            .willReturn(
                aResponse()
                    .withStatus(502)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html>Bad Gateway</html>")));

    ToolError result = createToken();

    assertThat(result.status()).isEqualTo(502);
    assertThat(result.retryable()).isTrue();
    assertThat(result.details().has("type")).isFalse();
    assertThat(result.details().get("body").stringValue()).isEqualTo("<html>Bad Gateway</html>");
  }

  @ParameterizedTest
  @CsvSource({
    "AuthorizationPendingException:http://internal.amazon.com/coral/x/, AuthorizationPendingException",
    "com.amazonaws.ssooidc#ExpiredTokenException,                        ExpiredTokenException",
    "aws.protocoltests#FooError:http://x,                                FooError",
    "'  SlowDownException ',                                             SlowDownException",
  })
  void errorTypeIsCutAtColonAndHash(String raw, String expected) {
    assertThat(AwsJsonErrorModel.sanitize(raw)).isEqualTo(expected);
  }

  /** The AWS SDK for Java v2, reading the same reply, throws the exception our type names. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "AuthorizationPendingException, 400, authorization_pending",
    "SlowDownException,             400, slow_down",
    "ExpiredTokenException,         400, expired_token",
    "AccessDeniedException,         400, access_denied",
    "InvalidGrantException,         400, invalid_grant",
    "InvalidRequestException,       400, invalid_request",
    "InvalidClientException,        401, invalid_client",
    "InternalServerException,       500, server_error",
  })
  void typeAgreesWithTheAwsSdk(String type, int status, String error) {
    server.stubFor(
        post(urlEqualTo("/token")).willReturn(awsError(status, type + CORAL, body(error, "x"))));
    SsoOidcException thrown;
    try (SsoOidcClient sdk =
        SsoOidcClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:" + server.getPort()))
            .region(Region.US_EAST_1)
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build()) {
      thrown =
          catchThrowableOfType(
              SsoOidcException.class,
              () -> sdk.createToken(r -> r.clientId("c").clientSecret("s").grantType("g")));
    }

    assertThat(thrown.getClass().getSimpleName()).isEqualTo(type);
    assertThat(thrown.statusCode()).isEqualTo(status);
    assertThat(createToken().details().get("type").stringValue()).isEqualTo(type);
  }
}
