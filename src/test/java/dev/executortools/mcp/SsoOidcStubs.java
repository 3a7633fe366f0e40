package dev.executortools.mcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;

/** The upstream answers the MCP server tests call: SSO-OIDC's token endpoint and httpbin's /get. */
final class SsoOidcStubs {
  private SsoOidcStubs() {}

  static void tokenAndGet(WireMockServer upstream) {
    upstream.stubFor(
        post(urlEqualTo("/token"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"accessToken\": \"at-1\", \"tokenType\": \"Bearer\", \"expiresIn\": 3600}")));
    upstream.stubFor(
        get(urlEqualTo("/get"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"url\": \"/get\"}")));
  }
}
