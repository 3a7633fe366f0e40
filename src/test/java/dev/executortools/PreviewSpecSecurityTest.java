package dev.executortools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What {@code openapi.previewSpec} shows about sign-in (issue #22). */
class PreviewSpecSecurityTest {
  private static final String MIXED =
      """
      openapi: 3.1.0
      info: {title: Mixed, version: "1"}
      servers: [{url: "https://api.example.com"}]
      security:
        - oauth: [read, write]
      components:
        securitySchemes:
          oauth:
            type: oauth2
            flows:
              authorizationCode:
                authorizationUrl: https://auth.example.com/authorize
                tokenUrl: https://auth.example.com/token
                refreshUrl: https://auth.example.com/refresh
                scopes: {read: Read things, write: Write things}
              clientCredentials:
                tokenUrl: https://auth.example.com/token
                scopes: {admin: Everything}
          cookieKey: {type: apiKey, in: cookie, name: session}
          apiKey: {type: apiKey, in: header, name: X-API-Key}
          basicAuth: {type: http, scheme: Basic}
          jwt: {type: http, scheme: bearer, bearerFormat: JWT}
          oidc: {type: openIdConnect, openIdConnectUrl: "https://auth.example.com/.well-known/openid-configuration"}
          odd: [not, an, object]
      paths:
        /inherits:
          get: {operationId: inherits, responses: {"200": {description: ok}}}
        /public:
          get: {operationId: open, security: [], responses: {"200": {description: ok}}}
        /cookie:
          get: {operationId: cookie, security: [{cookieKey: []}], responses: {"200": {description: ok}}}
        /either:
          get:
            operationId: either
            security: [{apiKey: []}, {oauth: [read]}]
            responses: {"200": {description: ok}}
        /both:
          get:
            operationId: both
            security: [{apiKey: [], basicAuth: []}]
            responses: {"200": {description: ok}}
        /ghost:
          get:
            operationId: ghost
            security: [{ghost: [x]}, "not an object", {oidc: [openid, 7]}]
            responses: {"200": {description: ok}}
        /same:
          get: {operationId: same, security: [{oauth: [read, write]}], responses: {"200": {description: ok}}}
      """;

  private static JsonNode preview(String text) {
    try (ToolRegistry registry = ToolRegistry.builder().build()) {
      ObjectNode args = Json.object();
      args.put("spec", text);
      ToolResult result = registry.call("openapi.previewSpec", args);
      assertThat(result.ok()).as(result.toString()).isTrue();
      return result.data();
    }
  }

  private static Map<String, JsonNode> byName(JsonNode schemes) {
    Map<String, JsonNode> map = new HashMap<>();
    schemes.forEach(s -> map.put(s.path("name").asString(), s));
    return map;
  }

  private static Map<String, JsonNode> operations(JsonNode data) {
    Map<String, JsonNode> map = new HashMap<>();
    data.path("operations").forEach(o -> map.put(o.path("operationId").asString(), o));
    return map;
  }

  @Test
  void listsEverySchemeWithWhatItNeedsAndWhichOperationsRequireWhich() {
    JsonNode data = preview(MIXED);
    JsonNode security = data.path("security");
    assertThat(data.path("securitySchemes").has("oauth")).isTrue();

    Map<String, JsonNode> schemes = byName(security.path("schemes"));
    assertThat(schemes)
        .containsOnlyKeys("oauth", "cookieKey", "apiKey", "basicAuth", "jwt", "oidc", "odd");
    JsonNode oauth = schemes.get("oauth");
    assertThat(oauth.path("type").asString()).isEqualTo("oauth2");
    assertThat(oauth.path("flows")).hasSize(2);
    JsonNode code = oauth.path("flows").get(0);
    assertThat(code.path("flow").asString()).isEqualTo("authorizationCode");
    assertThat(code.path("authorizationUrl").asString())
        .isEqualTo("https://auth.example.com/authorize");
    assertThat(code.path("tokenUrl").asString()).isEqualTo("https://auth.example.com/token");
    assertThat(code.path("refreshUrl").asString()).isEqualTo("https://auth.example.com/refresh");
    assertThat(code.path("scopes").toString())
        .isEqualTo(
            "[{\"name\":\"read\",\"description\":\"Read things\"},"
                + "{\"name\":\"write\",\"description\":\"Write things\"}]");
    JsonNode client = oauth.path("flows").get(1);
    assertThat(client.path("flow").asString()).isEqualTo("clientCredentials");
    assertThat(client.has("authorizationUrl")).isFalse();
    assertThat(oauth.path("needs").asString())
        .isEqualTo(
            "OAuth 2.0: authorization code (https://auth.example.com/authorize), client"
                + " credentials (https://auth.example.com/token); scopes: read, write, admin");

    JsonNode cookie = schemes.get("cookieKey");
    assertThat(cookie.path("in").asString()).isEqualTo("cookie");
    assertThat(cookie.path("parameter").asString()).isEqualTo("session");
    assertThat(cookie.path("needs").asString()).isEqualTo("an API key in cookie session");
    assertThat(schemes.get("apiKey").path("needs").asString())
        .isEqualTo("an API key in header X-API-Key");
    assertThat(schemes.get("basicAuth").path("scheme").asString()).isEqualTo("basic");
    assertThat(schemes.get("basicAuth").path("needs").asString())
        .isEqualTo("a user name and password (HTTP Basic)");
    assertThat(schemes.get("jwt").path("bearerFormat").asString()).isEqualTo("JWT");
    assertThat(schemes.get("jwt").path("needs").asString()).isEqualTo("a bearer token (JWT)");
    assertThat(schemes.get("oidc").path("openIdConnectUrl").asString())
        .isEqualTo("https://auth.example.com/.well-known/openid-configuration");
    assertThat(schemes.get("odd").path("type").isNull()).isTrue();

    assertThat(security.path("default").toString())
        .isEqualTo("[[{\"scheme\":\"oauth\",\"scopes\":[\"read\",\"write\"]}]]");

    Map<String, JsonNode> ops = operations(data);
    assertThat(ops.get("inherits").has("security")).isFalse();
    assertThat(ops.get("same").has("security")).isFalse();
    assertThat(ops.get("open").path("security").toString()).isEqualTo("[]");
    assertThat(ops.get("cookie").path("security").toString())
        .isEqualTo("[[{\"scheme\":\"cookieKey\",\"scopes\":[]}]]");
    assertThat(ops.get("either").path("security").toString())
        .isEqualTo(
            "[[{\"scheme\":\"apiKey\",\"scopes\":[]}],"
                + "[{\"scheme\":\"oauth\",\"scopes\":[\"read\"]}]]");
    assertThat(ops.get("both").path("security").toString())
        .isEqualTo(
            "[[{\"scheme\":\"apiKey\",\"scopes\":[]},{\"scheme\":\"basicAuth\",\"scopes\":[]}]]");
    assertThat(ops.get("ghost").path("security").toString())
        .isEqualTo(
            "[[{\"scheme\":\"ghost\",\"scopes\":[\"x\"]}],"
                + "[{\"scheme\":\"oidc\",\"scopes\":[\"openid\"]}]]");

    List<String> warnings = data.path("warnings").valueStream().map(JsonNode::asString).toList();
    assertThat(warnings)
        .filteredOn(w -> w.contains("'ghost'"))
        .singleElement()
        .asString()
        .contains("ghost", "not declared");
  }

  @Test
  void stripeDeclaresBasicOrBearerForEveryOperation() {
    JsonNode data = preview(Corpus.read("stripe.com__2020-08-27.openapi.yaml"));
    JsonNode security = data.path("security");
    Map<String, JsonNode> schemes = byName(security.path("schemes"));
    assertThat(schemes).containsOnlyKeys("basicAuth", "bearerAuth");
    assertThat(schemes.get("basicAuth").path("scheme").asString()).isEqualTo("basic");
    assertThat(schemes.get("bearerAuth").path("needs").asString())
        .isEqualTo("a bearer token (auth-scheme)");
    assertThat(security.path("default").toString())
        .isEqualTo(
            "[[{\"scheme\":\"basicAuth\",\"scopes\":[]}],"
                + "[{\"scheme\":\"bearerAuth\",\"scopes\":[]}]]");
    assertThat(data.path("operations").valueStream().filter(o -> o.has("security")).count())
        .isZero();
  }

  @Test
  void swagger2SecurityDefinitionsArriveConverted() {
    JsonNode data = preview(Corpus.read("gitlab.com__v3.swagger.yaml"));
    Map<String, JsonNode> schemes = byName(data.path("security").path("schemes"));
    assertThat(schemes.get("private_token_header").path("needs").asString())
        .isEqualTo("an API key in header PRIVATE_HEADER");
    assertThat(schemes.get("private_token_query").path("needs").asString())
        .isEqualTo("an API key in query private_token");
    assertThat(data.path("security").path("default")).hasSize(2);
  }

  @Test
  void swagger2OAuthFlowsArriveAsOpenApi3Flows() {
    JsonNode data =
        preview(
            """
            swagger: "2.0"
            info: {title: Old, version: "1"}
            host: api.example.com
            securityDefinitions:
              code:
                type: oauth2
                flow: accessCode
                authorizationUrl: https://auth.example.com/authorize
                tokenUrl: https://auth.example.com/token
                scopes: {repo: Repositories}
              machine:
                type: oauth2
                flow: application
                tokenUrl: https://auth.example.com/token
                scopes: {}
              basic: {type: basic}
            security: [{code: [repo]}]
            paths:
              /things:
                get:
                  operationId: listThings
                  security: [{machine: []}, {basic: []}]
                  responses: {"200": {description: ok}}
            """);
    Map<String, JsonNode> schemes = byName(data.path("security").path("schemes"));

    JsonNode code = schemes.get("code").path("flows").get(0);
    assertThat(code.path("flow").asString()).isEqualTo("authorizationCode");
    assertThat(code.path("authorizationUrl").asString())
        .isEqualTo("https://auth.example.com/authorize");
    assertThat(code.path("tokenUrl").asString()).isEqualTo("https://auth.example.com/token");
    assertThat(schemes.get("machine").path("flows").get(0).path("flow").asString())
        .isEqualTo("clientCredentials");
    assertThat(schemes.get("basic").path("scheme").asString()).isEqualTo("basic");
    assertThat(data.path("security").path("default").get(0).get(0).path("scheme").asString())
        .isEqualTo("code");
    assertThat(data.path("operations").get(0).path("security")).hasSize(2);
  }

  @Test
  void oddShapesAndHugeScopeListsAreBoundedNotFatal() {
    StringBuilder scopes = new StringBuilder();
    for (int i = 0; i < 5_000; i++)
      scopes.append(i == 0 ? "" : ", ").append("s").append(i).append(": d");
    String spec =
        """
        openapi: 3.2.0
        info: {title: Odd, version: "1"}
        security: "not a list"
        components:
          securitySchemes:
            device:
              type: oauth2
              flows:
                deviceAuthorization:
                  deviceAuthorizationUrl: https://auth.example.com/device
                  tokenUrl: https://auth.example.com/token
                  scopes: {%s}
                bogus: 7
            tls: {type: mutualTLS}
            weird: {type: 42, in: [1]}
            noFlows: {type: oauth2, flows: 3}
        paths:
          /a:
            get:
              operationId: a
              security: [{device: "read"}, 5, [], {tls: [[1], "x"]}]
              responses: {"200": {description: ok}}
        """
            .formatted(scopes);
    JsonNode data = preview(spec);
    Map<String, JsonNode> schemes = byName(data.path("security").path("schemes"));
    JsonNode flow = schemes.get("device").path("flows").get(0);
    assertThat(flow.path("flow").asString()).isEqualTo("deviceAuthorization");
    assertThat(flow.path("deviceAuthorizationUrl").asString())
        .isEqualTo("https://auth.example.com/device");
    assertThat(flow.path("scopes")).hasSize(512);
    assertThat(flow.path("scopesOmitted").asInt()).isEqualTo(5_000 - 512);
    assertThat(schemes.get("device").path("needs").asString())
        .startsWith("OAuth 2.0: device authorization (https://auth.example.com/device); scopes:")
        .endsWith(", …");
    assertThat(schemes.get("tls").path("needs").asString()).contains("mutual TLS");
    assertThat(schemes.get("weird").path("type").isNull()).isTrue();
    assertThat(schemes.get("noFlows").path("flows")).isEmpty();
    assertThat(data.path("security").path("default").toString()).isEqualTo("[]");
    assertThat(operations(data).get("a").path("security").toString())
        .isEqualTo(
            "[[{\"scheme\":\"device\",\"scopes\":[]}],[{\"scheme\":\"tls\",\"scopes\":[\"x\"]}]]");
  }
}
