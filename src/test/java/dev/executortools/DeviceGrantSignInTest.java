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
import dev.executortools.testing.CliProcess;
import dev.executortools.testing.DeviceApprover;
import dev.executortools.testing.DeviceGrantServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The device authorization grant (RFC 8628) against a real authorization server on loopback (Spring
 * Authorization Server, {@link DeviceGrantServer}), through the Java API and through {@code auth
 * login} as a process: the user code reaches a person, who approves it with the server's own login,
 * activation and consent pages ({@link DeviceApprover}) while the sign-in polls; the tokens are
 * stored, never shown; a call to a protected API (WireMock) carries the access token; an expired
 * one is refreshed at the same server; signing out revokes the refresh token there.
 */
class DeviceGrantSignInTest {
  private static final String SECRET_NAME = "oauth.things.device";

  /** One server for the class (its start is most of the time); each test its own sign-ins. */
  private static DeviceGrantServer server;

  private final WireMockServer api = new WireMockServer(WireMockConfiguration.options().port(0));

  @TempDir Path home;
  @TempDir Path dir;

  DeviceGrantSignInTest() {
    api.start();
    api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"ok\":1}")));
  }

  @BeforeAll
  static void startServer() {
    server = new DeviceGrantServer();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void forgetEarlierTokenRequests() {
    server.tokenRequests();
  }

  @AfterEach
  void stop() {
    api.stop();
  }

  /** The spec: scheme {@code device} with one flow, {@code flow: urls}; {@code GET /things}. */
  private String spec(String openapi, String flow, String urls) {
    return """
        openapi: %s
        info: {title: things, version: '1'}
        servers: [{url: 'http://127.0.0.1:%d'}]
        security: [{device: [read]}]
        components:
          securitySchemes:
            device:
              type: oauth2
              flows:
                %s: {%s, scopes: {read: 'read things'}}
        paths:
          /things:
            get: {operationId: listThings, responses: {'200': {description: ok}}}
        """
        .formatted(openapi, api.port(), flow, urls);
  }

  /** An OpenAPI 3.2 spec whose scheme declares the device authorization flow at the server. */
  private String deviceSpec() {
    return spec(
        "3.2.0",
        "deviceAuthorization",
        "deviceAuthorizationUrl: '"
            + server.deviceAuthorizationUrl()
            + "', tokenUrl: '"
            + server.tokenUrl()
            + "'");
  }

  /** Makes the stored access token one that expired a minute ago. */
  private void expire() {
    ObjectNode tokens = (ObjectNode) stored();
    tokens.put("expiresAt", Instant.now().minusSeconds(60).toString());
    new FileSecretStore(home).set(SECRET_NAME, Json.write(tokens));
  }

  /** Adds the source, the confidential client its scheme's. */
  private void addSource(String spec) {
    addSource(spec, DeviceGrantServer.CLIENT_ID, DeviceGrantServer.CLIENT_SECRET);
  }

  private void addSource(String spec, String clientId, @Nullable String clientSecret) {
    ObjectNode args = Json.object().put("spec", spec).put("namespace", "things");
    ObjectNode client = args.putObject("auth").putObject("device").put("clientId", clientId);
    if (clientSecret != null) client.put("clientSecret", clientSecret);
    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      ToolResult added = registry.addSource(args);
      assertThat(added.ok()).as(added.toJson().toString()).isTrue();
    }
  }

  private JsonNode stored() {
    return Json.parse(new FileSecretStore(home).secret(SECRET_NAME).orElseThrow());
  }

  /** The Authorization header of the API's one request made by a call to {@code GET /things}. */
  private String call(ToolRegistry registry) {
    api.resetRequests();
    ToolResult result = registry.call("things.things.listThings", Json.object());
    assertThat(result.ok()).as(result.toJson().toString()).isTrue();
    List<LoggedRequest> seen = api.findAll(anyRequestedFor(anyUrl()));
    assertThat(seen).hasSize(1);
    return seen.get(0).getHeader("Authorization");
  }

  /** The server's introspection (RFC 7662) of {@code token}: whether it is still active there. */
  private boolean active(String token) throws Exception {
    Request request =
        new Request.Builder()
            .url(server.introspectionUrl())
            .header(
                "Authorization",
                Credentials.basic(DeviceGrantServer.CLIENT_ID, DeviceGrantServer.CLIENT_SECRET))
            .post(new FormBody.Builder().add("token", token).build())
            .build();
    try (Response answer = new OkHttpClient().newCall(request).execute()) {
      assertThat(answer.code()).isEqualTo(200);
      return Json.parse(answer.body().string()).path("active").asBoolean();
    }
  }

  /**
   * A prompt that hands the code to a person, who approves it on another thread while the sign-in
   * polls on this one; the person's failure interrupts the sign-in instead of leaving it to poll.
   */
  private static final class ApprovingPrompt implements SignInPrompt {
    final DeviceApprover person =
        new DeviceApprover(DeviceGrantServer.USER, DeviceGrantServer.PASSWORD);
    final Thread signingIn = Thread.currentThread();
    final List<String> shown = new ArrayList<>();
    CompletableFuture<Void> approval;

    @Override
    public void openUrl(String url) {
      throw new AssertionError("no browser expected: " + url);
    }

    @Override
    public void showCode(String uri, String code, @Nullable String complete) {
      shown.addAll(List.of(uri, code, String.valueOf(complete)));
      approval =
          CompletableFuture.runAsync(() -> person.approve(uri, code))
              .whenComplete(
                  (done, failed) -> {
                    if (failed != null) signingIn.interrupt();
                  });
    }
  }

  @Test
  void deviceAuthorizationSignsInThroughTheJavaApiRefreshesAndRevokes() throws Exception {
    addSource(deviceSpec());
    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      ToolResult before = registry.call("things.things.listThings", Json.object());
      assertThat(before.error().code()).isEqualTo(ErrorCode.AUTH_REQUIRED);
      assertThat(api.getAllServeEvents()).isEmpty();

      ApprovingPrompt prompt = new ApprovingPrompt();
      long started = System.nanoTime();
      ToolResult signedIn = registry.signIn("things", null, prompt);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      prompt.approval.get(10, TimeUnit.SECONDS);

      assertThat(signedIn.ok()).as(signedIn.toJson().toString()).isTrue();
      assertThat(signedIn.data().path("flow").asString()).isEqualTo("deviceAuthorization");
      assertThat(signedIn.data().path("signedIn").asBoolean()).isTrue();
      assertThat(signedIn.data().path("refreshable").asBoolean()).isTrue();
      assertThat(signedIn.data().path("scopes").toString()).contains("read");
      assertThat(prompt.shown.get(0)).isEqualTo(server.issuer() + "/activate");
      assertThat(prompt.shown.get(2)).endsWith("?user_code=" + prompt.shown.get(1));
      // polled until approved, each poll a second apart as the server asked
      List<String> grants = server.tokenRequests();
      assertThat(grants).isNotEmpty().containsOnly("urn:ietf:params:oauth:grant-type:device_code");
      assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(grants.size()));

      JsonNode tokens = stored();
      String access = tokens.path("accessToken").asString();
      String refresh = tokens.path("refreshToken").asString();
      assertThat(access).isNotEmpty();
      assertThat(refresh).isNotEmpty();
      assertThat(active(access)).isTrue();
      assertThat(call(registry)).isEqualTo("Bearer " + access);
      assertThat(signedIn.toJson().toString() + registry.signInStatus(null).toJson())
          .doesNotContain(access)
          .doesNotContain(refresh);

      // an access token about to expire is refreshed at the same server before the call
      expire();
      String renewed = call(registry);
      assertThat(server.tokenRequests()).containsExactly("refresh_token");
      assertThat(renewed).startsWith("Bearer ").isNotEqualTo("Bearer " + access);
      assertThat(renewed).isEqualTo("Bearer " + stored().path("accessToken").asString());
      assertThat(active(renewed.substring("Bearer ".length()))).isTrue();

      // signing out revokes at the server's revocation endpoint, found in its metadata
      String refreshNow = stored().path("refreshToken").asString();
      ToolResult out = registry.signOut("things");
      JsonNode scheme = out.data().path("schemes").get(0);
      assertThat(scheme.path("revoked").asBoolean()).as(out.toJson().toString()).isTrue();
      assertThat(scheme.path("deleted").asBoolean()).isTrue();
      assertThat(active(refreshNow)).isFalse();
      assertThat(new FileSecretStore(home).names()).doesNotContain(SECRET_NAME);
    }
  }

  @Test
  void aPublicClientSignsInWithTheDeviceGrantAndWithoutARefreshTokenAnExpiredOneAsksForALogin()
      throws Exception {
    addSource(deviceSpec(), DeviceGrantServer.PUBLIC_CLIENT_ID, null);
    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      ApprovingPrompt prompt = new ApprovingPrompt();
      ToolResult signedIn = registry.signIn("things", null, prompt);
      prompt.approval.get(10, TimeUnit.SECONDS);

      assertThat(signedIn.ok()).as(signedIn.toJson().toString()).isTrue();
      assertThat(signedIn.data().path("refreshable").asBoolean()).isFalse();
      assertThat(stored().has("refreshToken")).isFalse();
      String access = stored().path("accessToken").asString();
      assertThat(call(registry)).isEqualTo("Bearer " + access);
      assertThat(server.tokenRequests())
          .containsOnly("urn:ietf:params:oauth:grant-type:device_code");

      expire();
      api.resetRequests();
      ToolResult expired = registry.call("things.things.listThings", Json.object());
      assertThat(expired.error().code())
          .as(expired.toJson().toString())
          .isEqualTo(ErrorCode.AUTH_REQUIRED);
      assertThat(expired.error().message()).contains("executor-tools auth login things");
      assertThat(api.getAllServeEvents()).isEmpty();
      assertThat(server.tokenRequests()).isEmpty();
    }
  }

  private static final Pattern CODE = Pattern.compile("enter the code\\s+(\\S+)");
  private static final Pattern OPEN = Pattern.compile("open\\s+(http://127\\.0\\.0\\.1:\\d+/\\S+)");

  @Test
  void loginWithoutABrowserUsesTheDeviceGrantTheServerMetadataOffers() throws Exception {
    // the spec declares the authorization code flow only; the server's metadata names a
    // device authorization endpoint, found at the token endpoint's origin (RFC 8414)
    addSource(
        spec(
            "3.0.3",
            "authorizationCode",
            "authorizationUrl: '"
                + server.authorizationUrl()
                + "', tokenUrl: '"
                + server.tokenUrl()
                + "'"));
    Path out = dir.resolve("login.out");
    Path err = dir.resolve("login.err");
    Process login =
        CliProcess.start(
            List.of("-Xmx256m"),
            out,
            err,
            "auth",
            "login",
            "things",
            "--no-browser",
            "--home",
            home.toString());
    try {
      Matcher code = CODE.matcher("");
      Matcher open = OPEN.matcher("");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!code.reset(Files.readString(err)).find()) {
        assertThat(login.isAlive()).as(Files.readString(err)).isTrue();
        assertThat(System.nanoTime()).as(Files.readString(err)).isLessThan(deadline);
        Thread.sleep(50);
      }
      assertThat(open.reset(Files.readString(err)).find()).as(Files.readString(err)).isTrue();
      assertThat(open.group(1)).isEqualTo(server.issuer() + "/activate");
      new DeviceApprover(DeviceGrantServer.USER, DeviceGrantServer.PASSWORD)
          .approve(open.group(1), code.group(1));
      assertThat(login.waitFor(30, TimeUnit.SECONDS)).as(Files.readString(err)).isTrue();
      assertThat(login.exitValue()).as(Files.readString(err)).isZero();
    } finally {
      login.destroyForcibly();
    }
    assertThat(server.tokenRequests())
        .isNotEmpty()
        .containsOnly("urn:ietf:params:oauth:grant-type:device_code");
    JsonNode summary = Json.parse(Files.readString(out)).path("data");
    assertThat(summary.path("signedIn").asBoolean()).isTrue();
    assertThat(summary.path("flow").asString()).isEqualTo("authorizationCode");
    String access = stored().path("accessToken").asString();
    String refresh = stored().path("refreshToken").asString();
    assertThat(Files.readString(out) + Files.readString(err))
        .doesNotContain(access)
        .doesNotContain(refresh);
    assertThat(Files.readString(err)).contains("To approve this sign-in, open");

    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      assertThat(call(registry)).isEqualTo("Bearer " + access);
    }
    assertThat(active(access)).isTrue();
  }
}
