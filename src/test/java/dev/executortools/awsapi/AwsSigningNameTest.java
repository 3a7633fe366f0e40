package dev.executortools.awsapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.executortools.ApprovalHandler;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SigV4 service name comes from the spec ({@code info.x-aws-signingName}), not from the
 * endpoint prefix: SES v1's {@code email} endpoint signs as {@code ses}, also once the source is
 * read back from the home.
 */
class AwsSigningNameTest {
  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @TempDir Path home;

  @BeforeEach
  void answer() {
    server.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/xml")
                    .withBody("<ListIdentitiesResponse/>")));
  }

  private ToolRegistry registry() {
    return ToolRegistry.builder()
        .home(home)
        .approvals(ApprovalHandler.APPROVE_ALL)
        .environment(
            Map.of(
                "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "secret-example",
                "AWS_REGION", "eu-west-1",
                "HOME", home.toString()))
        .build();
  }

  @Test
  void sesSignsAsSesOnItsEmailEndpoint() throws Exception {
    try (ToolRegistry registry = registry();
        InputStream in = getClass().getResourceAsStream("/aws/email.json")) {
      ToolResult added =
          registry.addSource(
              Json.object()
                  .put("spec", new String(in.readAllBytes(), StandardCharsets.UTF_8))
                  .put("namespace", "ses")
                  .put("baseUrl", server.baseUrl()));
      assertThat(added.ok()).as("%s", added).isTrue();
      assertThat(registry.call(tool(registry), Json.object()).ok()).isTrue();
    }
    try (ToolRegistry again = registry()) {
      assertThat(again.call(tool(again), Json.object()).ok()).isTrue();
    }
    List<LoggedRequest> sent = server.findAll(anyRequestedFor(anyUrl()));
    assertThat(sent).hasSize(2);
    for (LoggedRequest request : sent) {
      assertThat(request.getHeader("Authorization"))
          .contains("/eu-west-1/ses/aws4_request")
          .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/");
      assertThat(request.getBodyAsString()).startsWith("Action=ListIdentities&Version=");
    }
  }

  private static String tool(ToolRegistry registry) {
    return registry.tools().stream()
        .map(t -> t.id())
        .filter(id -> id.startsWith("ses.") && id.contains("post"))
        .findFirst()
        .orElseThrow();
  }
}
