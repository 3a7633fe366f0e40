package dev.executortools;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.executortools.internal.Json;
import dev.executortools.store.FileSecretStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code auth} on {@code openapi.addSource}: each call sends exactly what its operation's security
 * requirement asks for, placed where the scheme says, and nothing else, as WireMock receives it;
 * after a restart too.
 */
class SecuritySchemesOnTheWireTest {
  private static final String KEY = "cookie-key-0123456789";
  private static final String QUERY_KEY = "query-key-0123456789";
  private static final String HEADER_KEY = "header-key-0123456789";
  private static final String BEARER = "bearer-token-0123456789";
  private static final String PASSWORD = "basic-password-0123456789";

  private static final String SPEC =
      """
      openapi: 3.0.3
      info: {title: mixed, version: '1'}
      servers: [{url: 'http://127.0.0.1:PORT'}]
      security: [{cookieKey: []}]
      components:
        securitySchemes:
          cookieKey: {type: apiKey, in: cookie, name: session}
          queryKey: {type: apiKey, in: query, name: api_key}
          headerKey: {type: apiKey, in: header, name: X-API-Key}
          bearer: {type: http, scheme: bearer}
          basic: {type: http, scheme: basic}
          notConfigured: {type: apiKey, in: header, name: X-Other}
      paths:
        /public:
          get: {operationId: open, security: [], responses: {'200': {description: ok}}}
        /default:
          get:
            operationId: byDefault
            parameters: [{name: theme, in: cookie, schema: {type: string}}]
            responses: {'200': {description: ok}}
        /both:
          get: {operationId: both, security: [{headerKey: [], queryKey: []}], responses: {'200': {description: ok}}}
        /either:
          get: {operationId: either, security: [{notConfigured: []}, {bearer: []}, {basic: []}], responses: {'200': {description: ok}}}
        /basic:
          get: {operationId: basicOnly, security: [{basic: []}], responses: {'200': {description: ok}}}
        /optional:
          get: {operationId: optional, security: [{notConfigured: []}, {}], responses: {'200': {description: ok}}}
      """;

  private final WireMockServer api = new WireMockServer(WireMockConfiguration.options().port(0));

  @TempDir Path home;

  @BeforeEach
  void start() {
    api.start();
    api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
  }

  @AfterEach
  void stop() {
    api.stop();
  }

  private ObjectNode addArgs() {
    ObjectNode args =
        Json.object()
            .put("spec", SPEC.replace("PORT", String.valueOf(api.port())))
            .put("namespace", "mixed");
    ObjectNode auth = args.putObject("auth");
    auth.putObject("cookieKey").putObject("value").put("secretId", "session_key");
    auth.putObject("queryKey").put("value", QUERY_KEY);
    auth.putObject("headerKey").put("value", HEADER_KEY);
    auth.putObject("bearer").put("token", BEARER);
    auth.putObject("basic").put("username", "ada").putObject("password").put("secretId", "pw");
    return args;
  }

  /** Calls the tool of the operation at {@code path} (tool names are not this test's subject). */
  private LoggedRequest call(ToolRegistry registry, String path, ObjectNode args) {
    api.resetRequests();
    String id =
        registry.tools().stream()
            .filter(t -> path.equals(t.annotations().pathTemplate()))
            .findFirst()
            .orElseThrow()
            .id();
    ToolResult result = registry.call(id, args);
    assertThat(result.ok()).as(result.toJson().toString()).isTrue();
    List<LoggedRequest> requests =
        api.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private void eachOperationSendsExactlyItsSchemes(ToolRegistry registry) {
    LoggedRequest open = call(registry, "/public", Json.object());
    assertThat(open.getHeader("Cookie")).isNull();
    assertThat(open.getHeader("Authorization")).isNull();
    assertThat(open.getUrl()).isEqualTo("/public");

    ObjectNode theme = Json.object().put("theme", "dark");
    LoggedRequest byDefault = call(registry, "/default", theme);
    assertThat(byDefault.getHeader("Cookie")).isEqualTo("theme=dark; session=" + KEY);
    assertThat(byDefault.getHeader("Authorization")).isNull();
    assertThat(byDefault.getHeader("X-API-Key")).isNull();
    assertThat(byDefault.getUrl()).isEqualTo("/default");

    LoggedRequest both = call(registry, "/both", Json.object());
    assertThat(both.getHeader("X-API-Key")).isEqualTo(HEADER_KEY);
    assertThat(both.queryParameter("api_key").firstValue()).isEqualTo(QUERY_KEY);
    assertThat(both.getHeader("Cookie")).isNull();
    assertThat(both.getHeader("Authorization")).isNull();

    LoggedRequest either = call(registry, "/either", Json.object());
    assertThat(either.getHeader("Authorization")).isEqualTo("Bearer " + BEARER);
    assertThat(either.getHeader("X-Other")).isNull();
    assertThat(either.getHeader("Cookie")).isNull();

    LoggedRequest basicOnly = call(registry, "/basic", Json.object());
    assertThat(basicOnly.getHeader("Authorization")).isEqualTo(basic("ada", PASSWORD));

    LoggedRequest optional = call(registry, "/optional", Json.object());
    assertThat(optional.getHeader("Authorization")).isNull();
    assertThat(optional.getHeader("Cookie")).isNull();
    assertThat(optional.getUrl()).isEqualTo("/optional");
  }

  @Test
  void eachOperationSendsExactlyWhatItsRequirementAsksForAfterARestartToo() {
    FileSecretStore secrets = new FileSecretStore(home);
    secrets.set("session_key", KEY);
    secrets.set("pw", PASSWORD);
    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      ToolResult added = registry.addSource(addArgs());
      assertThat(added.ok()).as(added.toJson().toString()).isTrue();
      eachOperationSendsExactlyItsSchemes(registry);
    }
    try (ToolRegistry restarted = ToolRegistry.builder().home(home).build()) {
      eachOperationSendsExactlyItsSchemes(restarted);
    }
  }

  @Test
  void listingsNameTheSchemesButNeverALiteralValue() {
    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      assertThat(registry.addSource(addArgs()).ok()).isTrue();
      String listed =
          registry.sources().toString() + Json.write(registry.sources().get(0).redacted());
      assertThat(listed)
          .contains("queryKey")
          .doesNotContain(QUERY_KEY)
          .doesNotContain(HEADER_KEY)
          .doesNotContain(BEARER);
    }
  }

  @Test
  void aMissingSecretIsNamedAndNothingIsSent() {
    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      assertThat(registry.addSource(addArgs()).ok()).isTrue();
      ToolResult result = registry.call("mixed.default.byDefault", Json.object());

      assertThat(result.error().code()).isEqualTo(ErrorCode.MISSING_SECRET);
      assertThat(result.error().message()).contains("session_key");
      assertThat(api.getAllServeEvents()).isEmpty();
    }
  }

  @Test
  void authForASchemeTheSpecDoesNotDeclareOrInTheWrongShapeIsRefusedNamingIt() {
    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      ObjectNode unknown = addArgs();
      unknown.withObject("auth").putObject("apiKeyAuth").put("value", "x");
      ToolResult result = registry.addSource(unknown);
      assertThat(result.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENTS);
      assertThat(result.error().message())
          .contains("auth.apiKeyAuth")
          .contains("declares no security scheme")
          .contains("cookieKey");

      ObjectNode wrongShape = addArgs();
      wrongShape.withObject("auth").putObject("basic").put("token", "x");
      result = registry.addSource(wrongShape);
      assertThat(result.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENTS);
      assertThat(result.error().message()).contains("auth.basic").doesNotContain(PASSWORD);
      assertThat(registry.sources()).isEmpty();
    }
  }

  @Test
  void anOAuthSchemeWithoutEndpointsNeedsThemGiven() {
    String spec =
        "{\"openapi\": \"3.0.0\", \"info\": {\"title\": \"t\", \"version\": \"1\"},"
            + " \"components\": {\"securitySchemes\": {\"corp\": {\"type\": \"oauth2\","
            + " \"flows\": {}}}}, \"security\": [{\"corp\": [\"read\"]}],"
            + " \"paths\": {\"/x\": {\"get\": {\"responses\": {\"200\": {\"description\": \"ok\"}}}}}}";
    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      ObjectNode args = Json.object().put("spec", spec).put("namespace", "corp");
      args.putObject("auth").putObject("corp").put("clientId", "cli");
      ToolResult result = registry.addSource(args);
      assertThat(result.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENTS);
      assertThat(result.error().message()).contains("auth.corp").contains("declares no flow");

      args.withObject("auth")
          .withObject("corp")
          .put("flow", "clientCredentials")
          .put("tokenUrl", "https://login.example.com/token");
      result = registry.addSource(args);
      assertThat(result.ok()).as(result.toJson().toString()).isTrue();
      JsonNode auth = registry.sources().get(0).redacted().path("auth").path("corp");
      assertThat(auth.path("tokenUrl").asString()).isEqualTo("https://login.example.com/token");
      assertThat(auth.path("scopes").get(0).asString()).isEqualTo("read");
    }
  }

  @Test
  void theApprovalOfAnAddSourceSaysWhereAnOAuthClientSecretWillGo() {
    java.util.List<ApprovalRequest> asked = new java.util.ArrayList<>();
    ApprovalHandler recording =
        new ApprovalHandler() {
          @Override
          public boolean approve(ApprovalRequest request) {
            asked.add(request);
            return false;
          }

          @Override
          public boolean approve(Tool tool, JsonNode arguments) {
            return approve(ApprovalRequest.of(tool, arguments));
          }
        };
    try (ToolRegistry registry = ToolRegistry.builder().home(home).approvals(recording).build()) {
      ObjectNode args = Json.object().put("spec", "https://api.example.com/openapi.yaml");
      args.putObject("auth")
          .putObject("corp")
          .put("clientId", "cli")
          .put("tokenUrl", "https://login.example.com/oauth/token")
          .putObject("clientSecret")
          .put("secretId", "corp_secret");

      ToolResult result = registry.call("openapi.addSource", args);

      assertThat(result.error().code()).isEqualTo(ErrorCode.APPROVAL_DECLINED);
      assertThat(asked).hasSize(1);
      assertThat(asked.get(0).secrets()).containsExactly("corp_secret");
      assertThat(asked.get(0).credentialOrigins())
          .contains("https://login.example.com (the client secret of auth.corp)");
    }
  }
}
