package dev.executortools.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.executortools.wire.Registries.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenRequest;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientRequest;
import software.amazon.awssdk.services.ssooidc.model.SsoOidcException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationRequest;
import tools.jackson.databind.JsonNode;

/**
 * The bundled SSO-OIDC tools against the reference client, the AWS SDK for Java v2 {@link
 * SsoOidcClient}, both pointed at the same server for the same inputs: method, path, content type
 * and JSON body (as trees) must be the same, and neither request signed; an error reply must get
 * the exception type the SDK gives it.
 */
class SsoOidcDifferentialTest {
  private static final String CLIENT_ID = "_ZdfU2yLQ1mxUyI1uV7TKWV1cy1lYXN0LTE";
  private static final String CLIENT_SECRET = "eyJraWQiOiJrZXktMTU2NDAyODA5OSJ9.c2VjcmV0";
  private static final String DEVICE_CODE =
      "Pqpf3vLvYqxJ2uLjbXi4Of2SvUxpOpGlOB3PZJNDtnsM3Qc94KFrHh6A";

  private static Upstream upstream;
  private static ToolRegistry registry;
  private static SsoOidcClient sdk;

  @BeforeAll
  static void start() {
    upstream = Upstream.start();
    registry = Registries.registry(Map.of("AWS_ENDPOINT_URL_SSO_OIDC", upstream.baseUrl()));
    sdk =
        SsoOidcClient.builder()
            .endpointOverride(URI.create(upstream.baseUrl()))
            .region(Region.US_EAST_1)
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build();
  }

  @AfterAll
  static void stop() {
    sdk.close();
    registry.close();
    upstream.close();
  }

  @BeforeEach
  void reset() {
    upstream.reset();
    reply("/client/register", SsoOidcWireTest.REGISTER_RESPONSE);
    reply("/device_authorization", SsoOidcWireTest.DEVICE_RESPONSE);
    reply("/token", SsoOidcWireTest.TOKEN_RESPONSE);
  }

  private static void reply(String path, String body) {
    upstream.stub(
        post(urlEqualTo(path))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  @Test
  void registerClientWithScopesMatchesTheSdk() {
    sdk.registerClient(
        RegisterClientRequest.builder()
            .clientName("executor-tools")
            .clientType("public")
            .scopes("sso:account:access", "codewhisperer:completions")
            .build());

    assertSameRequest(
        "client.registerClient",
        """
        {"body": {"clientName": "executor-tools", "clientType": "public",
                  "scopes": ["sso:account:access", "codewhisperer:completions"]}}
        """);
  }

  @Test
  void startDeviceAuthorizationMatchesTheSdk() {
    sdk.startDeviceAuthorization(
        StartDeviceAuthorizationRequest.builder()
            .clientId(CLIENT_ID)
            .clientSecret(CLIENT_SECRET)
            .startUrl("https://d-9067642ac7.awsapps.com/start")
            .build());

    assertSameRequest(
        "deviceAuthorization.startDeviceAuthorization",
        """
        {"body": {"clientId": "%s", "clientSecret": "%s",
                  "startUrl": "https://d-9067642ac7.awsapps.com/start"}}
        """
            .formatted(CLIENT_ID, CLIENT_SECRET));
  }

  @Test
  void createTokenWithTheDeviceCodeGrantMatchesTheSdk() {
    sdk.createToken(
        CreateTokenRequest.builder()
            .clientId(CLIENT_ID)
            .clientSecret(CLIENT_SECRET)
            .grantType("urn:ietf:params:oauth:grant-type:device_code")
            .deviceCode(DEVICE_CODE)
            .build());

    assertSameRequest(
        "token.createToken",
        """
        {"body": {"clientId": "%s", "clientSecret": "%s",
                  "grantType": "urn:ietf:params:oauth:grant-type:device_code",
                  "deviceCode": "%s"}}
        """
            .formatted(CLIENT_ID, CLIENT_SECRET, DEVICE_CODE));
  }

  @Test
  void createTokenWithTheRefreshTokenGrantMatchesTheSdk() {
    sdk.createToken(
        CreateTokenRequest.builder()
            .clientId(CLIENT_ID)
            .clientSecret(CLIENT_SECRET)
            .grantType("refresh_token")
            .refreshToken("aorvJYubGpU6i91YnH7Mfo-AT2dBeiV8t")
            .build());

    assertSameRequest(
        "token.createToken",
        """
        {"body": {"clientId": "%s", "clientSecret": "%s", "grantType": "refresh_token",
                  "refreshToken": "aorvJYubGpU6i91YnH7Mfo-AT2dBeiV8t"}}
        """
            .formatted(CLIENT_ID, CLIENT_SECRET));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({
    "400, AuthorizationPendingException, authorization_pending",
    "400, SlowDownException, slow_down",
    "400, ExpiredTokenException, expired_token",
    "400, AccessDeniedException, access_denied",
    "400, InvalidGrantException, invalid_grant",
    "400, InvalidRequestException, invalid_request",
    "401, InvalidClientException, invalid_client",
    "500, InternalServerException, server_error",
  })
  void errorRepliesAreTypedAsTheSdkTypesThem(int status, String type, String error) {
    upstream.stub(
        post(urlEqualTo("/token"))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-amzn-ErrorType", type + SsoOidcWireTest.ERROR_TYPE_URI)
                    .withBody("{\"error\":\"" + error + "\",\"error_description\":\"no\"}")));
    CreateTokenRequest request =
        CreateTokenRequest.builder()
            .clientId(CLIENT_ID)
            .clientSecret(CLIENT_SECRET)
            .grantType("urn:ietf:params:oauth:grant-type:device_code")
            .deviceCode(DEVICE_CODE)
            .build();

    SsoOidcException thrown =
        catchThrowableOfType(SsoOidcException.class, () -> sdk.createToken(request));
    ToolResult result =
        registry.call(
            "token.createToken",
            json(
                """
                {"body": {"clientId": "%s", "clientSecret": "%s",
                          "grantType": "urn:ietf:params:oauth:grant-type:device_code",
                          "deviceCode": "%s"}}
                """
                    .formatted(CLIENT_ID, CLIENT_SECRET, DEVICE_CODE)));

    assertThat(thrown.getClass().getSimpleName()).isEqualTo(type);
    assertThat(result.error().details().path("type").asString()).isEqualTo(type);
    assertThat(result.error().status()).isEqualTo(thrown.statusCode());
    assertThat(result.error().details().path("error").asString()).isEqualTo(error);
  }

  /** Calls our tool after the SDK has made its request, and compares the two requests. */
  private static void assertSameRequest(String toolId, String arguments) {
    LoggedRequest reference = upstream.onlyRequest();
    upstream.reset();
    reset(toolId);

    ToolResult result = registry.call(toolId, json(arguments));

    assertThat(result.ok()).as("%s", result).isTrue();
    LoggedRequest ours = upstream.onlyRequest();
    assertThat(ours.getMethod()).isEqualTo(reference.getMethod());
    assertThat(ours.getUrl()).isEqualTo(reference.getUrl());
    assertThat(mediaType(ours)).isEqualTo(mediaType(reference));
    assertThat(body(ours)).isEqualTo(body(reference));
    for (LoggedRequest request : new LoggedRequest[] {reference, ours}) {
      assertThat(request.containsHeader("Authorization")).isFalse();
      assertThat(request.containsHeader("X-Amz-Date")).isFalse();
    }
  }

  private static void reset(String toolId) {
    String path =
        switch (toolId) {
          case "client.registerClient" -> "/client/register";
          case "deviceAuthorization.startDeviceAuthorization" -> "/device_authorization";
          default -> "/token";
        };
    reply(path, "{}");
  }

  private static String mediaType(LoggedRequest request) {
    return request.getHeader("Content-Type");
  }

  private static JsonNode body(LoggedRequest request) {
    return json(request.getBodyAsString());
  }
}
