package dev.executortools.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.executortools.internal.Json;
import dev.executortools.store.FileSecretStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import okhttp3.mockwebserver.RecordedRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * An API protected by OAuth 2.0 (WireMock, answering 200 to anything) and its authorization server
 * (NAV's mock-oauth2-server on loopback, issuer {@code .../default}, revocations remembered), with
 * the spec and {@code openapi.addSource} arguments of a source {@code things} over them: {@code GET
 * /things} needs scheme {@code oauth} (scopes openid, read), {@code GET /health} none.
 */
public final class ProtectedApi implements AutoCloseable {
  public static final String SECRET_NAME = "oauth.things.oauth";

  public final Set<String> revoked = ConcurrentHashMap.newKeySet();
  public final MockOAuth2Server authServer =
      new MockOAuth2Server(new OAuth2Config(), new RevocationRoute(revoked));
  public final WireMockServer api = new WireMockServer(WireMockConfiguration.options().port(0));

  public ProtectedApi() {
    authServer.start();
    api.start();
    api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"ok\":1}")));
  }

  /** The spec, its scheme declaring {@code flow} ({@code authorizationCode}, ...). */
  public String spec(String flow) {
    String issuer = authServer.issuerUrl("default").toString();
    String urls =
        flow.equals("authorizationCode")
            ? "authorizationUrl: '" + issuer + "/authorize', tokenUrl: '" + issuer + "/token'"
            : "tokenUrl: '" + issuer + "/token'";
    return """
        openapi: 3.0.3
        info: {title: things, version: '1'}
        servers: [{url: 'http://127.0.0.1:%d'}]
        security: [{oauth: [openid, read]}]
        components:
          securitySchemes:
            oauth:
              type: oauth2
              flows:
                %s: {%s, scopes: {openid: 'who you are', read: 'read things'}}
        paths:
          /things:
            get: {operationId: listThings, responses: {'200': {description: ok}}}
          /health:
            get: {operationId: health, security: [], responses: {'200': {description: ok}}}
        """
        .formatted(api.port(), flow, urls);
  }

  /** The spec with an {@code openIdConnect} scheme: only the server's discovery URL is given. */
  public String openIdConnectSpec() {
    String discovery = authServer.wellKnownUrl("default").toString();
    return spec("authorizationCode")
        .replaceFirst(
            "(?s)oauth:\\n\\s+type: oauth2.*?\\n(\\s+paths:|paths:)",
            "oauth: {type: openIdConnect, openIdConnectUrl: '" + discovery + "'}\n$1");
  }

  /** {@code openapi.addSource}'s arguments: source {@code things}, client {@code my-client}. */
  public ObjectNode addArguments(String flow, @Nullable String clientSecret) {
    ObjectNode args = Json.object().put("spec", spec(flow)).put("namespace", "things");
    ObjectNode oauth = args.putObject("auth").putObject("oauth").put("clientId", "my-client");
    if (clientSecret != null) oauth.put("clientSecret", clientSecret);
    return args;
  }

  /** The token endpoint's requests since the last look. */
  public List<RecordedRequest> tokenRequests() {
    List<RecordedRequest> requests = new ArrayList<>();
    while (true) {
      RecordedRequest request;
      try {
        request = authServer.takeRequest(200, TimeUnit.MILLISECONDS);
      } catch (RuntimeException none) {
        return requests;
      }
      if (request.getPath().endsWith("/token")) requests.add(request);
    }
  }

  /** Every request the API received. */
  public List<LoggedRequest> apiRequests() {
    return api.findAll(anyRequestedFor(anyUrl()));
  }

  /** Makes the access token stored in {@code home} one that expired a minute ago. */
  public static void expireStoredToken(Path home) {
    FileSecretStore secrets = new FileSecretStore(home);
    ObjectNode tokens = (ObjectNode) Json.parse(secrets.secret(SECRET_NAME).orElseThrow());
    tokens.put("expiresAt", Instant.now().minusSeconds(60).toString());
    secrets.set(SECRET_NAME, Json.write(tokens));
  }

  @Override
  public void close() {
    authServer.shutdown();
    api.stop();
  }
}
