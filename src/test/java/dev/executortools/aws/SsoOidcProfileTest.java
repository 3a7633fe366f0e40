package dev.executortools.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.executortools.internal.Namespaces;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class SsoOidcProfileTest {
  private static final SsoOidcProfile profile = SsoOidcProfile.create(Map.of());

  private static JsonNode spec() throws Exception {
    try (InputStream in = SsoOidcProfile.class.getResourceAsStream(SsoOidcProfile.SPEC_RESOURCE)) {
      assertThat(in).as("bundled spec on the classpath").isNotNull();
      return new YAMLMapper().readTree(in);
    }
  }

  private static JsonNode resolve(JsonNode spec, JsonNode node) {
    JsonNode ref = node.get("$ref");
    return ref == null ? node : spec.at(ref.stringValue().substring(1));
  }

  @Test
  void hiddenParametersAreExactlyTheParametersTheSpecDeclares() throws Exception {
    JsonNode spec = spec();
    Set<String> keys = new HashSet<>();
    for (JsonNode pathItem : spec.get("paths").values()) {
      List<JsonNode> lists = new ArrayList<>();
      if (pathItem.has("parameters")) lists.add(pathItem.get("parameters"));
      pathItem
          .properties()
          .forEach(
              op -> {
                if (op.getValue().isObject() && op.getValue().has("parameters"))
                  lists.add(op.getValue().get("parameters"));
              });
      for (JsonNode list : lists) {
        for (JsonNode parameter : list.values()) {
          JsonNode resolved = resolve(spec, parameter);
          keys.add(resolved.get("in").stringValue() + ":" + resolved.get("name").stringValue());
        }
      }
    }

    assertThat(keys).hasSize(7).isEqualTo(profile.hiddenParamKeys());
  }

  @Test
  void unappliedSecuritySchemesAreTheSpecsRequirements() throws Exception {
    Set<String> required = new HashSet<>();
    spec()
        .get("security")
        .values()
        .forEach(requirement -> required.addAll(requirement.propertyNames()));

    assertThat(required).isEqualTo(profile.unappliedSecuritySchemes());
  }

  @Test
  void everyRequestBodyIsDeclaredWithTheProfilesContentType() throws Exception {
    Set<String> mediaTypes = new HashSet<>();
    for (JsonNode pathItem : spec().get("paths").values()) {
      pathItem
          .properties()
          .forEach(
              op -> {
                JsonNode body = op.getValue().get("requestBody");
                if (body != null) mediaTypes.addAll(body.get("content").propertyNames());
              });
    }

    assertThat(mediaTypes).containsExactly(profile.requestContentType());
  }

  @Test
  void sourceIdIsTheNamespaceTheSpecTitleGives() throws Exception {
    String title = spec().get("info").get("title").stringValue();

    assertThat(SsoOidcProfile.SOURCE_ID).isEqualTo(Namespaces.fromTitle(title));
    assertThat(Namespaces.isWellFormed(SsoOidcProfile.SOURCE_ID)).isTrue();
    assertThat(Namespaces.problem(SsoOidcProfile.SOURCE_ID))
        .as("no added source takes it")
        .contains("reserved");
  }

  /** The reference client sends the same media type, and no signature, for these operations. */
  @Test
  void awsSdkSendsTheSameContentTypeUnsigned() {
    WireMockServer server =
        new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    try (SsoOidcClient sdk =
        SsoOidcClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
            .region(Region.US_EAST_1)
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .build()) {
      server.stubFor(
          post(urlEqualTo("/client/register"))
              .willReturn(
                  aResponse()
                      .withHeader("Content-Type", "application/json")
                      .withBody("{\"clientId\":\"id\"}")));

      sdk.registerClient(r -> r.clientName("executor-tools").clientType("public"));

      server.verify(
          postRequestedFor(urlEqualTo("/client/register"))
              .withHeader("Content-Type", equalTo(profile.requestContentType()))
              .withHeader("Authorization", absent())
              .withHeader("X-Amz-Date", absent()));
    } finally {
      server.stop();
    }
  }
}
