package dev.executortools;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.executortools.internal.Json;
import dev.executortools.store.FileSecretStore;
import dev.executortools.testing.FollowingBrowser;
import dev.executortools.testing.ProtectedApi;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signing in to a source's OAuth 2.0 scheme through the Java API, against a real authorization
 * server on loopback (NAV's mock-oauth2-server), and calls to a protected API (WireMock) that carry
 * its token: authorization code with PKCE, client credentials, refresh before expiry (once for
 * eight concurrent calls), one refresh and one retry on a 401, and a lost sign-in answered {@code
 * auth_required} with nothing sent.
 */
class SignInTest {
  private final ProtectedApi fixture = new ProtectedApi();
  private final MockOAuth2Server authServer = fixture.authServer;
  private final WireMockServer api = fixture.api;

  @TempDir Path home;

  @AfterEach
  void stop() {
    fixture.close();
  }

  private ToolRegistry registry() {
    return ToolRegistry.builder().home(home).build();
  }

  private void add(ToolRegistry registry, String flow, @Nullable String clientSecret) {
    ObjectNode args = fixture.addArguments(flow, clientSecret);
    ToolResult added = registry.addSource(args);
    assertThat(added.ok()).as(added.toJson().toString()).isTrue();
  }

  private List<RecordedRequest> tokenRequests() {
    return fixture.tokenRequests();
  }

  private String call(ToolRegistry registry) {
    api.resetRequests();
    ToolResult result = registry.call("things.things.listThings", Json.object());
    assertThat(result.ok()).as(result.toJson().toString()).isTrue();
    List<LoggedRequest> seen = api.findAll(anyRequestedFor(anyUrl()));
    assertThat(seen).isNotEmpty();
    return seen.get(seen.size() - 1).getHeader("Authorization");
  }

  private static String idOf(ToolRegistry registry, String path) {
    return registry.tools().stream()
        .filter(t -> path.equals(t.annotations().pathTemplate()))
        .findFirst()
        .orElseThrow()
        .id();
  }

  private void expireStoredToken() {
    ProtectedApi.expireStoredToken(home);
  }

  @Test
  void authorizationCodeWithPkceSignsInAndCallsCarryTheToken() {
    FollowingBrowser browser = new FollowingBrowser();
    try (ToolRegistry registry = registry()) {
      add(registry, "authorizationCode", null);
      ToolResult before = registry.call("things.things.listThings", Json.object());
      assertThat(before.error().code()).isEqualTo(ErrorCode.AUTH_REQUIRED);
      assertThat(before.error().message()).contains("executor-tools auth login things");
      assertThat(api.getAllServeEvents()).isEmpty();

      ToolResult signedIn = registry.signIn("things", null, browser);
      assertThat(signedIn.ok()).as(signedIn.toJson().toString()).isTrue();
      assertThat(signedIn.data().path("signedIn").asBoolean()).isTrue();
      assertThat(signedIn.data().path("refreshable").asBoolean()).isTrue();
      assertThat(browser.opened.get(0)).contains("code_challenge_method=S256");

      String authorization = call(registry);
      assertThat(authorization).startsWith("Bearer ey");
      String token = authorization.substring("Bearer ".length());
      String status = registry.signInStatus(null).toJson().toString();
      assertThat(status).contains("\"signedIn\":true").doesNotContain(token);
      assertThat(new FileSecretStore(home).names()).contains("oauth.things.oauth");

      api.resetRequests();
      ToolResult open = registry.call(idOf(registry, "/health"), Json.object());
      assertThat(open.ok()).isTrue();
      assertThat(api.findAll(anyRequestedFor(anyUrl())).get(0).getHeader("Authorization")).isNull();
    }
    try (ToolRegistry restarted = registry()) {
      assertThat(call(restarted)).startsWith("Bearer ey");
    }
  }

  @Test
  void clientCredentialsNeedNoSignIn() {
    try (ToolRegistry registry = registry()) {
      add(registry, "clientCredentials", "client-secret-0123456789");
      assertThat(call(registry)).startsWith("Bearer ey");
      List<RecordedRequest> token = tokenRequests();
      assertThat(token).hasSize(1);
      assertThat(token.get(0).getHeader("Authorization")).startsWith("Basic ");
      assertThat(token.get(0).getBody().readUtf8()).contains("grant_type=client_credentials");
      assertThat(call(registry)).startsWith("Bearer ey");
      assertThat(tokenRequests()).isEmpty();
    }
  }

  @Test
  void anExpiringTokenIsRefreshedOnceForEightConcurrentCalls() throws Exception {
    try (ToolRegistry registry = registry()) {
      add(registry, "authorizationCode", null);
      assertThat(registry.signIn("things", "oauth", new FollowingBrowser()).ok()).isTrue();
      tokenRequests();
      expireStoredToken();

      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Callable<ToolResult>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++)
          calls.add(() -> registry.call("things.things.listThings", Json.object()));
        for (Future<ToolResult> result : pool.invokeAll(calls)) {
          assertThat(result.get().ok()).as(result.get().toJson().toString()).isTrue();
        }
      } finally {
        pool.shutdownNow();
      }
      List<RecordedRequest> refreshes = tokenRequests();
      assertThat(refreshes).hasSize(1);
      assertThat(refreshes.get(0).getBody().readUtf8()).contains("grant_type=refresh_token");
      assertThat(api.findAll(anyRequestedFor(anyUrl()))).hasSize(8);
    }
  }

  @Test
  void aRejectedTokenIsRefreshedOnceAndTheCallRetriedOnce() {
    try (ToolRegistry registry = registry()) {
      add(registry, "authorizationCode", null);
      assertThat(registry.signIn("things", null, new FollowingBrowser()).ok()).isTrue();
      String first = call(registry);
      api.stubFor(
          any(anyUrl())
              .withHeader(
                  "Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo(first))
              .willReturn(aResponse().withStatus(401)));
      tokenRequests();

      String retried = call(registry);
      assertThat(retried).startsWith("Bearer ey").isNotEqualTo(first);
      assertThat(api.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
      assertThat(tokenRequests()).hasSize(1);
    }
  }

  @Test
  void aLostSignInGivesAuthRequiredAndSendsNothing() {
    try (ToolRegistry registry = registry()) {
      add(registry, "authorizationCode", null);
      assertThat(registry.signIn("things", null, new FollowingBrowser()).ok()).isTrue();
      ToolResult out = registry.signOut("things");
      assertThat(out.ok()).as(out.toJson().toString()).isTrue();
      JsonNode scheme = out.data().path("schemes").get(0);
      assertThat(scheme.path("revoked").asBoolean()).isTrue();
      assertThat(scheme.path("deleted").asBoolean()).isTrue();
      api.resetRequests();

      ToolResult result = registry.call("things.things.listThings", Json.object());
      assertThat(result.error().code()).isEqualTo(ErrorCode.AUTH_REQUIRED);
      assertThat(result.error().details().path("command").asString())
          .isEqualTo("executor-tools auth login things --scheme oauth");
      assertThat(api.getAllServeEvents()).isEmpty();
    }
  }

  @Test
  void aRevokedRefreshTokenGivesAuthRequiredAndSendsNothingToTheApi() throws IOException {
    try (ToolRegistry registry = registry()) {
      add(registry, "authorizationCode", null);
      assertThat(registry.signIn("things", null, new FollowingBrowser()).ok()).isTrue();
      JsonNode stored =
          Json.parse(new FileSecretStore(home).secret("oauth.things.oauth").orElseThrow());
      okhttp3.RequestBody form =
          new okhttp3.FormBody.Builder()
              .add("token", stored.path("refreshToken").asString())
              .add("token_type_hint", "refresh_token")
              .add("client_id", "my-client")
              .build();
      String revocation = authServer.revocationEndpointUrl("default").toString();
      try (Response answer =
          new OkHttpClient()
              .newCall(new Request.Builder().url(revocation).post(form).build())
              .execute()) {
        assertThat(answer.code()).isEqualTo(200);
      }
      assertThat(fixture.revoked).hasSize(1);
      expireStoredToken();
      api.resetRequests();

      ToolResult result = registry.call("things.things.listThings", Json.object());

      assertThat(result.error().code())
          .as(result.toJson().toString())
          .isEqualTo(ErrorCode.AUTH_REQUIRED);
      assertThat(result.error().message()).contains("executor-tools auth login things");
      assertThat(api.getAllServeEvents()).isEmpty();
      assertThat(registry.signInStatus("things").data().toString()).contains("\"signedIn\":false");
    }
  }

  @Test
  void aPerCallServerElsewhereGetsNoToken() {
    WireMockServer elsewhere = new WireMockServer(WireMockConfiguration.options().port(0));
    elsewhere.start();
    try (ToolRegistry registry = registry()) {
      add(registry, "clientCredentials", "client-secret-0123456789");
      ObjectNode args = Json.object();
      args.putObject("server").put("url", "http://127.0.0.1:" + elsewhere.port());

      ToolResult result = registry.call("things.things.listThings", args);

      assertThat(result.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENTS);
      assertThat(elsewhere.getAllServeEvents()).isEmpty();
      assertThat(tokenRequests()).isEmpty();
    } finally {
      elsewhere.stop();
    }
  }

  @Test
  void replacingTheSourceKeepsTheSignInOfAnUnchangedClientAndForgetsAChangedOne() {
    try (ToolRegistry registry = registry()) {
      add(registry, "authorizationCode", null);
      assertThat(registry.signIn("things", null, new FollowingBrowser()).ok()).isTrue();

      ObjectNode same = fixture.addArguments("authorizationCode", null).put("replace", true);
      assertThat(registry.addSource(same).ok()).isTrue();
      assertThat(new FileSecretStore(home).names()).contains(ProtectedApi.SECRET_NAME);

      ObjectNode other = fixture.addArguments("authorizationCode", null).put("replace", true);
      other.withObject("auth").withObject("oauth").put("clientId", "another-client");
      assertThat(registry.addSource(other).ok()).isTrue();
      assertThat(new FileSecretStore(home).names()).doesNotContain(ProtectedApi.SECRET_NAME);
    }
  }

  @Test
  void anOpenIdConnectSchemeSignsInThroughTheEndpointsItsDiscoveryDocumentNames() {
    String spec = fixture.openIdConnectSpec();
    assertThat(spec).contains("type: openIdConnect").doesNotContain("flows");
    try (ToolRegistry registry = registry()) {
      ObjectNode args = Json.object().put("spec", spec).put("namespace", "things");
      args.putObject("auth").putObject("oauth").put("clientId", "my-client");
      ToolResult added = registry.addSource(args);
      assertThat(added.ok()).as(added.toJson().toString()).isTrue();

      FollowingBrowser browser = new FollowingBrowser();
      ToolResult signedIn = registry.signIn("things", null, browser);
      assertThat(signedIn.ok()).as(signedIn.toJson().toString()).isTrue();
      assertThat(browser.opened.get(0)).contains("/default/authorize");
      assertThat(call(registry)).startsWith("Bearer ey");
    }
  }
}
