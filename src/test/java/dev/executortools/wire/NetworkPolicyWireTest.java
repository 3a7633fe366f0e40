package dev.executortools.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.executortools.wire.Exfiltration.assertCode;
import static dev.executortools.wire.Registries.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.ApprovalHandler;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.node.ObjectNode;

/**
 * URLs a model chooses (spec URLs, a per-call server) reach private addresses only with the user's
 * allowance, link-local and metadata addresses never; URLs the user configures are not restricted.
 * Both upstreams are on loopback, so they are private.
 */
@Timeout(60)
class NetworkPolicyWireTest {
  @RegisterExtension static final TwoOrigins ORIGINS = new TwoOrigins();

  @BeforeEach
  void stubSpecs() {
    String spec = Exfiltration.spec("- url: https://api.example.com");
    ORIGINS.trusted.stub(get(urlPathEqualTo("/spec.yaml")).willReturn(aResponse().withBody(spec)));
    ORIGINS.foreign.stub(get(urlPathEqualTo("/spec.yaml")).willReturn(aResponse().withBody(spec)));
  }

  private static ObjectNode spec(String url) {
    return Json.object().put("spec", url);
  }

  @Test
  void aModelChosenSpecUrlOnAPrivateAddressIsRefusedUnlessTheUserAllowsIt() {
    try (ToolRegistry registry = Exfiltration.registry(false)) {
      assertCode(
          registry.call("openapi.previewSpec", spec(ORIGINS.foreign.baseUrl() + "/spec.yaml")),
          "blocked_address");
      assertCode(
          registry.call("openapi.addSource", spec(ORIGINS.foreign.baseUrl() + "/spec.yaml")),
          "blocked_address");
      ToolResult byName =
          registry.call(
              "openapi.previewSpec",
              spec("http://localhost:" + ORIGINS.trusted.port() + "/spec.yaml"));
      assertCode(byName, "blocked_address");
      assertThat(byName.error().message())
          .contains("localhost")
          .contains("--allow-private-network");
      assertThat(ORIGINS.foreign.requests()).isEmpty();
      assertThat(ORIGINS.trusted.requests()).isEmpty();

      // the program's own addSource names a URL of the user's choosing
      ToolResult own =
          registry.addSource(
              spec(ORIGINS.foreign.baseUrl() + "/spec.yaml").put("namespace", "own"));
      assertThat(own.ok()).as("%s", own).isTrue();
    }
    try (ToolRegistry allowed = Exfiltration.registry(true)) {
      assertThat(
              allowed
                  .call("openapi.previewSpec", spec(ORIGINS.foreign.baseUrl() + "/spec.yaml"))
                  .ok())
          .isTrue();
    }
  }

  @Test
  void linkLocalAndMetadataAddressesAreRefusedEvenWhenPrivateOnesAreAllowed() {
    ORIGINS.trusted.stub(
        get(urlPathEqualTo("/hop"))
            .willReturn(
                aResponse()
                    .withStatus(302)
                    .withHeader("Location", "http://169.254.169.254/latest/meta-data/")));
    try (ToolRegistry registry = Exfiltration.registry(true)) {
      assertCode(
          registry.call("openapi.previewSpec", spec("http://169.254.169.254/latest/meta-data/")),
          "blocked_address");
      assertCode(
          registry.call("openapi.previewSpec", spec("http://[fd00:ec2::254]/latest/")),
          "blocked_address");
      assertCode(
          registry.call("openapi.previewSpec", spec("http://[::ffff:169.254.169.254]/")),
          "blocked_address");
      assertCode(
          registry.call("openapi.previewSpec", spec(ORIGINS.trusted.baseUrl() + "/hop")),
          "blocked_address");
      assertThat(ORIGINS.trusted.requests()).hasSize(1); // the first hop only
    }
  }

  @Test
  void theAddressAHostNameResolvesToIsWhatIsChecked() {
    OkHttpClient rebinding =
        new OkHttpClient.Builder()
            .dns(
                host ->
                    switch (host) {
                      case "metadata.test" -> List.of(InetAddress.getByName("169.254.169.254"));
                      case "foreign.test" -> List.of(InetAddress.getByName("127.0.0.2"));
                      default -> List.of(InetAddress.getByName("93.184.215.14"));
                    })
            .build();
    try (ToolRegistry registry =
        ToolRegistry.builder()
            .approvals(ApprovalHandler.APPROVE_ALL)
            .environment(Map.of())
            .httpClient(rebinding)
            .build()) {
      assertCode(
          registry.call("openapi.previewSpec", spec("http://metadata.test/latest/")),
          "blocked_address");
      assertCode(
          registry.call(
              "openapi.previewSpec",
              spec("http://foreign.test:" + ORIGINS.foreign.port() + "/spec.yaml")),
          "blocked_address");
      assertThat(ORIGINS.foreign.requests()).isEmpty();
    }
  }

  @Test
  void aPerCallServerOnAPrivateAddressIsRefusedButTheUsersBaseUrlIsNot() {
    ObjectNode args =
        Json.object()
            .put("spec", Exfiltration.spec("- url: https://api.example.com"))
            .put("namespace", "items")
            .put("baseUrl", ORIGINS.trusted.baseUrl());
    String toForeign = "{\"server\": {\"url\": \"" + ORIGINS.foreign.baseUrl() + "\"}}";
    try (ToolRegistry registry = Exfiltration.registry(false)) {
      assertThat(registry.call("openapi.addSource", args).ok()).isTrue();

      ToolResult own = registry.call("items.items.listItems", json("{}"));
      ToolResult sameAsBase =
          registry.call(
              "items.items.listItems",
              json("{\"server\": {\"url\": \"" + ORIGINS.trusted.baseUrl() + "\"}}"));
      ToolResult elsewhere = registry.call("items.items.listItems", json(toForeign));
      ToolResult metadata =
          registry.call(
              "items.items.listItems",
              json("{\"server\": {\"url\": \"http://169.254.169.254/latest\"}}"));

      assertThat(own.ok()).as("%s", own).isTrue();
      assertThat(sameAsBase.ok()).as("%s", sameAsBase).isTrue();
      assertThat(ORIGINS.trusted.requests()).hasSize(2);
      assertCode(elsewhere, "blocked_address");
      assertThat(elsewhere.error().retryable()).isFalse();
      assertCode(metadata, "blocked_address");
      assertThat(ORIGINS.foreign.requests()).isEmpty();
    }
    try (ToolRegistry allowed = Exfiltration.registry(true)) {
      assertThat(allowed.call("openapi.addSource", args).ok()).isTrue();
      assertThat(allowed.call("items.items.listItems", json(toForeign)).ok()).isTrue();
      assertThat(ORIGINS.foreign.requests()).hasSize(1);
    }
  }

  @Test
  void errorsAboutAFetchedDocumentNameWhereTheProblemIsNotWhatTheDocumentSays() {
    ORIGINS.trusted.stub(
        get(urlPathEqualTo("/broken.yaml"))
            .willReturn(
                aResponse()
                    .withBody("AccessKeyId: ASIA-SECRET-FROM-METADATA\nToken: [unclosed\n")));
    ORIGINS.trusted.stub(
        get(urlPathEqualTo("/version.yaml"))
            .willReturn(aResponse().withBody("openapi: 9.9-SECRET-VERSION\npaths: {}\n")));
    try (ToolRegistry registry = Exfiltration.registry(true)) {
      ToolResult broken =
          registry.call("openapi.previewSpec", spec(ORIGINS.trusted.baseUrl() + "/broken.yaml"));
      ToolResult version =
          registry.call("openapi.previewSpec", spec(ORIGINS.trusted.baseUrl() + "/version.yaml"));

      assertCode(broken, "openapi_parse_failed");
      assertThat(broken.error().message())
          .contains(ORIGINS.trusted.baseUrl() + "/broken.yaml")
          .contains("line ")
          .doesNotContain("SECRET")
          .doesNotContain("AccessKeyId");
      assertCode(version, "openapi_parse_failed");
      assertThat(version.error().message()).contains("/version.yaml").doesNotContain("SECRET");
    }
  }

  @Test
  void whereTheUsersBaseUrlRedirectsToIsUnderThePolicy() {
    ORIGINS.trusted.stub(
        get(urlPathEqualTo("/items"))
            .willReturn(
                aResponse()
                    .withStatus(307)
                    .withHeader("Location", ORIGINS.foreign.baseUrl() + "/items")));
    ORIGINS.trusted.stub(
        get(urlPathEqualTo("/meta/items"))
            .willReturn(
                aResponse()
                    .withStatus(302)
                    .withHeader("Location", "http://169.254.169.254/latest/meta-data/")));
    ObjectNode args =
        Json.object()
            .put("spec", Exfiltration.spec("- url: https://api.example.com"))
            .put("namespace", "items")
            .put("baseUrl", ORIGINS.trusted.baseUrl());
    try (ToolRegistry registry = Exfiltration.registry(false)) {
      assertThat(registry.call("openapi.addSource", args).ok()).isTrue();
      assertCode(registry.call("items.items.listItems", json("{}")), "blocked_address");
      assertThat(ORIGINS.foreign.requests()).isEmpty();

      assertThat(
              registry
                  .call(
                      "openapi.addSource",
                      args.put("baseUrl", ORIGINS.trusted.baseUrl() + "/meta").put("replace", true))
                  .ok())
          .isTrue();
      assertCode(registry.call("items.items.listItems", json("{}")), "blocked_address");
      assertThat(ORIGINS.trusted.requests())
          .hasSize(2); // the user's own origin was reached both times
    }
  }
}
