package dev.executortools.wire;

import static dev.executortools.wire.Registries.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kubernetes' real operations (corpus spec v1.10.0, Swagger 2.0): an {@code in: body} parameter
 * under {@code consumes: ["*}{@code /*"]} sent as JSON, and a PATCH whose three declared content
 * types are picked per call with {@code contentType}.
 */
class KubernetesWireTest {
  private static final String CREATE = "k8s.coreV1.createCoreV1NamespacedConfigMap";
  private static final String PATCH = "k8s.coreV1.patchCoreV1NamespacedConfigMap";
  private static Upstream upstream;
  private static ToolRegistry registry;

  @BeforeAll
  static void start() {
    upstream = Upstream.start();
    registry = Registries.corpus("kubernetes.io__v1.10.0.swagger.yaml", "k8s", upstream.baseUrl());
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

  @Test
  void createConfigMapSendsTheBodyParameterAsJson() {
    ToolResult result =
        registry.call(
            CREATE,
            json(
                """
                {"namespace": "team-a", "pretty": "true",
                 "body": {"apiVersion": "v1", "kind": "ConfigMap",
                          "metadata": {"name": "wire", "labels": {"app": "executor"}},
                          "data": {"config.yaml": "level: debug\\n"}}}
                """));

    assertThat(result.ok()).as("%s", result).isTrue();
    LoggedRequest request = upstream.onlyRequest();
    assertThat(request.getMethod().value()).isEqualTo("POST");
    assertThat(request.getUrl()).isEqualTo("/api/v1/namespaces/team-a/configmaps?pretty=true");
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(new String(request.getBody(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                + "\"metadata\":{\"name\":\"wire\",\"labels\":{\"app\":\"executor\"}},"
                + "\"data\":{\"config.yaml\":\"level: debug\\n\"}}");
  }

  @Test
  void patchIsSentWithTheContentTypeTheCallChose() {
    ToolResult result =
        registry.call(
            PATCH,
            json(
                """
                {"namespace": "team-a", "name": "wire",
                 "contentType": "application/merge-patch+json",
                 "body": {"data": {"level": "info", "old": null}}}
                """));

    assertThat(result.ok()).as("%s", result).isTrue();
    LoggedRequest request = upstream.onlyRequest();
    assertThat(request.getMethod().value()).isEqualTo("PATCH");
    assertThat(request.getUrl()).isEqualTo("/api/v1/namespaces/team-a/configmaps/wire");
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/merge-patch+json");
    assertThat(request.getBodyAsString()).isEqualTo("{\"data\":{\"level\":\"info\",\"old\":null}}");
  }

  @Test
  void patchWithoutContentTypeUsesTheFirstDeclaredOneJsonPatch() {
    ToolResult result =
        registry.call(
            PATCH,
            json(
                """
                {"namespace": "team-a", "name": "wire",
                 "body": [{"op": "replace", "path": "/data/level", "value": "warn"}]}
                """));

    assertThat(result.ok()).as("%s", result).isTrue();
    LoggedRequest request = upstream.onlyRequest();
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json-patch+json");
    assertThat(request.getBodyAsString())
        .isEqualTo("[{\"op\":\"replace\",\"path\":\"/data/level\",\"value\":\"warn\"}]");
  }

  @Test
  void strategicMergePatchKeepsItsVendorType() {
    ToolResult result =
        registry.call(
            PATCH,
            json(
                """
                {"namespace": "team-a", "name": "wire",
                 "contentType": "application/strategic-merge-patch+json",
                 "body": {"metadata": {"labels": {"tier": "wire"}}}}
                """));

    assertThat(result.ok()).as("%s", result).isTrue();
    assertThat(upstream.onlyRequest().getHeader("Content-Type"))
        .isEqualTo("application/strategic-merge-patch+json");
  }
}
