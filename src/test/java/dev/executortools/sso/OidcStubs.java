package dev.executortools.sso;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.executortools.internal.Json;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * An IAM Identity Center OIDC endpoint on WireMock answering as AWS does (shapes from the botocore
 * model {@code sso-oidc/2019-06-10}, errors with {@code x-amzn-ErrorType} and an OAuth body).
 */
public final class OidcStubs {
  public static final String CLIENT_ID = "_ZdfU2yLQ1mxUyI1uV7TKWV1cy1lYXN0LTE";
  public static final String CLIENT_SECRET =
      "eyJraWQiOiJrZXktMTU2NDAyODA5OSIsImFsZyI6IkhTMzg0In0.c2VjcmV0";
  public static final String DEVICE_CODE =
      "Pqpf3vLvYqxJ2uLjbXi4Of2SvUxpOpGlOB3PZJNDtnsM3Qc94KFrHh6ARqyB9zHK";
  public static final String USER_CODE = "QKSN-FVPZ";
  public static final String VERIFICATION_URI = "https://device.sso.eu-west-1.amazonaws.com/";
  public static final String ACCESS_TOKEN = "aoaAAAAAGc2sZ8Yq3bmVnOtUwhR7Tk0X0pK-access";
  public static final String REFRESH_TOKEN = "aorvJYubGpU6i91YnH7Mfo-AT2dBeiV8t-refresh";
  public static final String NEW_ACCESS_TOKEN = "aoaNEWNEWNEWc2sZ8Yq3bmVnOtUwhR7Tk0X0pK";

  private OidcStubs() {}

  /**
   * {@code /client/register} answers a registration whose secret expires at {@code epochSeconds}.
   */
  public static void register(WireMockExtension server, long secretExpiresAt) {
    server.stubFor(
        post(urlEqualTo("/client/register"))
            .willReturn(
                json(
                    200,
                    "{\"clientId\":\""
                        + CLIENT_ID
                        + "\",\"clientSecret\":\""
                        + CLIENT_SECRET
                        + "\",\"clientIdIssuedAt\":1767225600,\"clientSecretExpiresAt\":"
                        + secretExpiresAt
                        + "}")));
  }

  /** {@code /device_authorization} answers a device code; {@code interval} null leaves it out. */
  public static void deviceAuthorization(
      WireMockExtension server, int expiresIn, Integer interval) {
    server.stubFor(
        post(urlEqualTo("/device_authorization"))
            .willReturn(
                json(
                    200,
                    "{\"deviceCode\":\""
                        + DEVICE_CODE
                        + "\",\"userCode\":\""
                        + USER_CODE
                        + "\",\"verificationUri\":\""
                        + VERIFICATION_URI
                        + "\",\"verificationUriComplete\":\""
                        + VERIFICATION_URI
                        + "?user_code="
                        + USER_CODE
                        + "\",\"expiresIn\":"
                        + expiresIn
                        + (interval == null ? "" : ",\"interval\":" + interval)
                        + "}")));
  }

  /**
   * {@code /token} answers these replies in turn, the last one from then on: {@code pending},
   * {@code slow_down}, {@code expired}, {@code denied}, {@code invalid_grant}, {@code ok} (the
   * access and refresh tokens), {@code refreshed} (the new access token, no refresh token).
   */
  public static void tokenReplies(WireMockExtension server, String... replies) {
    for (int i = 0; i < replies.length; i++) {
      String state = i == 0 ? Scenario.STARTED : "poll " + i;
      var stub =
          post(urlEqualTo("/token"))
              .inScenario("token")
              .whenScenarioStateIs(state)
              .willReturn(reply(replies[i]));
      if (i + 1 < replies.length) stub = stub.willSetStateTo("poll " + (i + 1));
      server.stubFor(stub);
    }
  }

  private static ResponseDefinitionBuilder reply(String kind) {
    return switch (kind) {
      case "pending" ->
          error(
              "AuthorizationPendingException", "authorization_pending", "Authorization is pending");
      case "slow_down" -> error("SlowDownException", "slow_down", "Client is polling too fast");
      case "expired" -> error("ExpiredTokenException", "expired_token", "Device code has expired");
      case "denied" -> error("AccessDeniedException", "access_denied", "Access denied by the user");
      case "invalid_grant" ->
          error("InvalidGrantException", "invalid_grant", "Invalid grant provided");
      case "ok" ->
          json(
              200,
              "{\"accessToken\":\""
                  + ACCESS_TOKEN
                  + "\",\"tokenType\":\"Bearer\","
                  + "\"expiresIn\":28800,\"refreshToken\":\""
                  + REFRESH_TOKEN
                  + "\"}");
      case "refreshed" ->
          json(
              200,
              "{\"accessToken\":\""
                  + NEW_ACCESS_TOKEN
                  + "\",\"tokenType\":\"Bearer\","
                  + "\"expiresIn\":3600}");
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private static ResponseDefinitionBuilder error(String type, String code, String description) {
    return json(400, "{\"error\":\"" + code + "\",\"error_description\":\"" + description + "\"}")
        .withHeader(
            "x-amzn-ErrorType",
            type + ":http://internal.amazon.com/coral/com.amazonaws.switchboard.portal/");
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("x-amzn-RequestId", "5b6f1f3e-4a0e-4c6f-9d3e-2f1e0c7a9b11")
        .withBody(body);
  }

  /** The JSON bodies POSTed to {@code path}, oldest first. */
  public static List<JsonNode> bodies(WireMockExtension server, String path) {
    return server.findAll(postRequestedFor(urlEqualTo(path))).stream()
        .map(LoggedRequest::getBodyAsString)
        .map(Json::parse)
        .toList();
  }
}
