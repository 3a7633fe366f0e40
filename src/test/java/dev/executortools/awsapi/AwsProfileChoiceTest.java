package dev.executortools.awsapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.executortools.ApprovalHandler;
import dev.executortools.ErrorCode;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which profile a call signs with: {@code --profile} ({@code ToolRegistry.Builder.awsProfile}),
 * else the source's {@code awsProfile}, else the environment's keys, else {@code AWS_PROFILE}, else
 * {@code default}; as the SDKs let a profile named in code beat {@code AWS_PROFILE} and the
 * environment's keys.
 */
class AwsProfileChoiceTest {
  @RegisterExtension
  static final WireMockExtension sts =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @TempDir Path home;
  final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void setUp() throws Exception {
    sts.stubFor(
        any(anyUrl())
            .willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody("<a/>")));
    Files.createDirectories(home.resolve(".aws"));
    Files.writeString(
        home.resolve(".aws/credentials"),
        "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = s0\n"
            + "[flag]\naws_access_key_id = AKIDFLAG\naws_secret_access_key = s1\n"
            + "[source]\naws_access_key_id = AKIDSOURCE\naws_secret_access_key = s2\n"
            + "[shell]\naws_access_key_id = AKIDSHELL\naws_secret_access_key = s3\n");
    env.put("HOME", home.toString());
    env.put("AWS_ENDPOINT_URL_STS", sts.baseUrl());
  }

  /** The access key the call of a source (with {@code awsProfile}, or none) signed with. */
  private String signedWith(String flag, String awsProfile) throws Exception {
    sts.resetRequests();
    try (ToolRegistry registry =
            ToolRegistry.builder()
                .approvals(ApprovalHandler.APPROVE_ALL)
                .environment(env)
                .awsProfile(flag)
                .build();
        InputStream in = getClass().getResourceAsStream("/aws/sts.json")) {
      ObjectNode args =
          Json.object()
              .put("spec", new String(in.readAllBytes(), StandardCharsets.UTF_8))
              .put("namespace", "sts");
      if (awsProfile != null) args.put("awsProfile", awsProfile);
      assertThat(registry.addSource(args).ok()).isTrue();
      ToolResult result =
          registry.call("sts.actionGetCallerIdentity.postGetCallerIdentity", Json.object());
      assertThat(result.ok()).as("%s", result).isTrue();
    }
    String authorization = sts.findAll(anyRequestedFor(anyUrl())).get(0).getHeader("Authorization");
    return authorization.substring(
        authorization.indexOf("Credential=") + 11, authorization.indexOf('/'));
  }

  @Test
  void theFlagThenTheSourcesProfileThenTheEnvironmentThenAwsProfileThenDefault() throws Exception {
    assertThat(signedWith(null, null)).isEqualTo("AKIDDEFAULT");
    env.put("AWS_PROFILE", "shell");
    assertThat(signedWith(null, null)).isEqualTo("AKIDSHELL");
    env.put("AWS_ACCESS_KEY_ID", "AKIDENV");
    env.put("AWS_SECRET_ACCESS_KEY", "secret-env");
    assertThat(signedWith(null, null)).isEqualTo("AKIDENV");
    assertThat(signedWith(null, "source")).isEqualTo("AKIDSOURCE");
    assertThat(signedWith("flag", "source")).isEqualTo("AKIDFLAG");
  }

  @Test
  void awsProfileIsForAwsSpecsAndAProfileName() {
    try (ToolRegistry registry = ToolRegistry.builder().environment(env).build()) {
      ToolResult notAws =
          registry.addSource(
              Json.object()
                  .put(
                      "spec",
                      "{\"openapi\": \"3.0.0\", \"info\": {\"title\": \"t\", \"version\": \"1\"},"
                          + " \"servers\": [{\"url\": \"https://api.example.com\"}],"
                          + " \"paths\": {}}")
                  .put("awsProfile", "dev"));
      assertThat(notAws.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENTS);
      assertThat(notAws.error().message()).contains("awsProfile is for AWS specs");
      ToolResult badName =
          registry.addSource(Json.object().put("spec", "x").put("awsProfile", "a b"));
      assertThat(badName.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENTS);
    }
  }
}
