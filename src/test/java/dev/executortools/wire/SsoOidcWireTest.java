package dev.executortools.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.executortools.wire.Registries.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.executortools.ErrorCode;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The three bundled SSO-OIDC tools against a server answering as AWS does (shapes from the botocore
 * model {@code sso-oidc/2019-06-10}): unsigned JSON requests to the endpoint named by {@code
 * AWS_ENDPOINT_URL_SSO_OIDC}; bodies to {@code data}; AWS's error replies (the {@code
 * x-amzn-ErrorType} header and an OAuth {@code error} body) to {@code upstream_http_error}.
 */
class SsoOidcWireTest {
  static final String ERROR_TYPE_URI =
      ":http://internal.amazon.com/coral/com.amazonaws.switchboard.portal/";
  static final String REGISTER_RESPONSE =
      """
      {"clientId":"_ZdfU2yLQ1mxUyI1uV7TKWV1cy1lYXN0LTE","clientSecret":"eyJraWQiOiJrZXktMTU2NDAyODA5OSIsImFsZyI6IkhTMzg0In0.c2VjcmV0",
       "clientIdIssuedAt":1731500000,"clientSecretExpiresAt":1739276000}
      """;
  static final String DEVICE_RESPONSE =
      """
      {"deviceCode":"Pqpf3vLvYqxJ2uLjbXi4Of2SvUxpOpGlOB3PZJNDtnsM3Qc94KFrHh6ARqyB9zHKW8Gwx7lVDG",
       "userCode":"QKSN-FVPZ","verificationUri":"https://device.sso.us-east-1.amazonaws.com/",
       "verificationUriComplete":"https://device.sso.us-east-1.amazonaws.com/?user_code=QKSN-FVPZ",
       "expiresIn":600,"interval":1}
      """;
  static final String TOKEN_RESPONSE =
      """
      {"accessToken":"aoaAAAAAGc2sZ8Yq3bmVnOtUwhR7Tk0X0pK","tokenType":"Bearer","expiresIn":28800,
       "refreshToken":"aorvJYubGpU6i91YnH7Mfo-AT2dBeiV8t"}
      """;

  private static Upstream upstream;
  private static ToolRegistry registry;

  @BeforeAll
  static void start() {
    upstream = Upstream.start();
    registry = Registries.registry(Map.of("AWS_ENDPOINT_URL_SSO_OIDC", upstream.baseUrl()));
  }

  @AfterAll
  static void stop() {
    registry.close();
    upstream.close();
  }

  @BeforeEach
  void reset() {
    upstream.reset();
  }

  private static void answer(String path, int status, String errorType, String body) {
    var response =
        aResponse()
            .withStatus(status)
            .withHeader("Content-Type", "application/json")
            .withHeader("x-amzn-RequestId", "5b6f1f3e-4a0e-4c6f-9d3e-2f1e0c7a9b11")
            .withBody(body);
    if (errorType != null)
      response = response.withHeader("x-amzn-ErrorType", errorType + ERROR_TYPE_URI);
    upstream.stub(post(urlEqualTo(path)).willReturn(response));
  }

  /** What every SSO-OIDC request must be: unsigned JSON to the path, no SigV4 header at all. */
  private static JsonNode unsignedJsonBody(LoggedRequest request, String path) {
    assertThat(request.getMethod().value()).isEqualTo("POST");
    assertThat(request.getUrl()).isEqualTo(path);
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(request.containsHeader("Authorization")).isFalse();
    assertThat(request.getAllHeaderKeys())
        .noneMatch(name -> name.toLowerCase().startsWith("x-amz-"));
    return json(request.getBodyAsString());
  }

  @Test
  void registerClientSendsTheClientAndReturnsTheRegistration() {
    answer("/client/register", 200, null, REGISTER_RESPONSE);

    ToolResult result =
        registry.call(
            "client.registerClient",
            json(
                """
                {"body": {"clientName": "executor-tools", "clientType": "public",
                          "scopes": ["sso:account:access"]}}
                """));

    assertThat(result.ok()).as("%s", result).isTrue();
    assertThat(result.data()).isEqualTo(json(REGISTER_RESPONSE));
    assertThat(result.http().status()).isEqualTo(200);
    assertThat(unsignedJsonBody(upstream.onlyRequest(), "/client/register"))
        .isEqualTo(
            json(
                """
                {"clientName": "executor-tools", "clientType": "public",
                 "scopes": ["sso:account:access"]}
                """));
  }

  @Test
  void startDeviceAuthorizationReturnsTheUserCodeAndInterval() {
    answer("/device_authorization", 200, null, DEVICE_RESPONSE);

    ToolResult result =
        registry.call(
            "deviceAuthorization.startDeviceAuthorization",
            json(
                """
                {"body": {"clientId": "_ZdfU2yLQ1mxUyI1uV7TKWV1cy1lYXN0LTE",
                          "clientSecret": "eyJraWQiOiJrZXktMTU2NDAyODA5OSIsImFsZyI6IkhTMzg0In0.c2VjcmV0",
                          "startUrl": "https://d-9067642ac7.awsapps.com/start"}}
                """));

    assertThat(result.ok()).as("%s", result).isTrue();
    assertThat(result.data()).isEqualTo(json(DEVICE_RESPONSE));
    assertThat(unsignedJsonBody(upstream.onlyRequest(), "/device_authorization"))
        .isEqualTo(
            json(
                """
                {"clientId": "_ZdfU2yLQ1mxUyI1uV7TKWV1cy1lYXN0LTE",
                 "clientSecret": "eyJraWQiOiJrZXktMTU2NDAyODA5OSIsImFsZyI6IkhTMzg0In0.c2VjcmV0",
                 "startUrl": "https://d-9067642ac7.awsapps.com/start"}
                """));
  }

  @Test
  void createTokenWithTheDeviceCodeReturnsTheAccessToken() {
    answer("/token", 200, null, TOKEN_RESPONSE);
    String body =
        """
        {"clientId": "_ZdfU2yLQ1mxUyI1uV7TKWV1cy1lYXN0LTE", "clientSecret": "s3cr3t-client-secret",
         "grantType": "urn:ietf:params:oauth:grant-type:device_code",
         "deviceCode": "Pqpf3vLvYqxJ2uLjbXi4Of2SvUxpOpGlOB3PZJNDtnsM3Qc94KFrHh6ARqyB9zHKW8Gwx7lVDG"}
        """;

    ToolResult result = registry.call("token.createToken", json("{\"body\": " + body + "}"));

    assertThat(result.ok()).as("%s", result).isTrue();
    assertThat(result.data()).isEqualTo(json(TOKEN_RESPONSE));
    assertThat(unsignedJsonBody(upstream.onlyRequest(), "/token")).isEqualTo(json(body));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "400, AuthorizationPendingException, authorization_pending, true",
    "400, SlowDownException, slow_down, true",
    "400, ExpiredTokenException, expired_token, false",
    "400, AccessDeniedException, access_denied, false",
    "400, InvalidGrantException, invalid_grant, false",
    "400, InvalidRequestException, invalid_request, false",
    "401, InvalidClientException, invalid_client, false",
    "500, InternalServerException, server_error, true",
  })
  void createTokenErrorsCarryTheAwsTypeStatusAndRetryability(
      int status, String type, String error, boolean retryable) {
    String description = "Description of " + error;
    answer(
        "/token",
        status,
        type,
        "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");

    ToolResult result = registry.call("token.createToken", deviceCodeGrant());

    assertThat(result.ok()).isFalse();
    assertThat(result.error().code()).isEqualTo(ErrorCode.UPSTREAM_HTTP_ERROR);
    assertThat(result.error().status()).isEqualTo(status);
    assertThat(result.error().retryable()).isEqualTo(retryable);
    assertThat(result.error().details())
        .isEqualTo(
            json(
                "{\"type\": \"%s\", \"error\": \"%s\", \"error_description\": \"%s\"}"
                    .formatted(type, error, description)));
    assertThat(result.error().message()).contains(type).contains(description);
    assertThat(upstream.requests()).as("an error reply is not retried").hasSize(1);
  }

  @Test
  void errorWithoutTheTypeHeaderIsTypedFromItsOAuthCode() {
    answer("/token", 400, null, "{\"error\":\"authorization_pending\"}");

    ToolResult result = registry.call("token.createToken", deviceCodeGrant());

    assertThat(result.error().details().path("type").asString())
        .isEqualTo("AuthorizationPendingException");
    assertThat(result.error().retryable()).isTrue();
  }

  private static JsonNode deviceCodeGrant() {
    return json(
        """
        {"body": {"clientId": "_ZdfU2yLQ1mxUyI1uV7TKWV1cy1lYXN0LTE", "clientSecret": "s3cr3t",
                  "grantType": "urn:ietf:params:oauth:grant-type:device_code",
                  "deviceCode": "Pqpf3vLvYqxJ2uLjbXi4Of2SvUxpOpGlOB3PZJNDtnsM3Qc94KFrHh6ARqyB9zHKW8Gwx7lVDG"}}
        """);
  }
}
