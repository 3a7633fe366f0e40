package dev.executortools.awsapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.executortools.ApprovalHandler;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The credential sources beyond keys, SSO and source profiles, each compared with the AWS SDK for
 * Java v2 in a JVM of its own on the same files and environment, one loopback server standing in
 * for STS and the container credentials endpoint: a profile's web identity ({@code role_arn} with
 * {@code web_identity_token_file}), the environment's ({@code AWS_WEB_IDENTITY_TOKEN_FILE}), a role
 * from {@code credential_source = Environment}, container credentials ({@code
 * AWS_CONTAINER_CREDENTIALS_FULL_URI} with a token), and the addresses the network policy keeps
 * them from.
 */
@Timeout(120)
class AwsCredentialSourcesTest {
  @RegisterExtension
  static final WireMockExtension aws =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  static final String ROLE_ARN = "arn:aws:iam::123456789012:role/Deployer";

  @TempDir Path home;
  final Map<String, String> env = new HashMap<>();
  Path tokenFile;

  @BeforeEach
  void setUp() throws Exception {
    env.put("HOME", home.toString());
    env.put("AWS_ENDPOINT_URL_STS", aws.baseUrl());
    env.put("AWS_REGION", "eu-west-1");
    Files.createDirectories(home.resolve(".aws"));
    tokenFile = home.resolve("web-identity-token");
    Files.writeString(tokenFile, "eyJhbGciOiJSUzI1NiJ9.web-identity-jwt.sig\n");
    for (String action : List.of("AssumeRoleWithWebIdentity", "AssumeRole")) {
      aws.stubFor(
          post(urlEqualTo("/"))
              .withRequestBody(containing("Action=" + action + "&"))
              .willReturn(
                  aResponse()
                      .withHeader("Content-Type", "text/xml")
                      .withBody(
                          "<"
                              + action
                              + "Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><"
                              + action
                              + "Result><Credentials><AccessKeyId>ASIA"
                              + action.toUpperCase()
                              + "</AccessKeyId><SecretAccessKey>secret-"
                              + action
                              + "</SecretAccessKey><SessionToken>token-"
                              + action
                              + "</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration>"
                              + "</Credentials></"
                              + action
                              + "Result></"
                              + action
                              + "Response>")));
    }
    aws.stubFor(
        get(urlEqualTo("/container/creds"))
            .withHeader("Authorization", equalTo("container-auth-token"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"AccessKeyId\": \"ASIACONTAINER\", \"SecretAccessKey\":"
                            + " \"secret-container\", \"Token\": \"token-container\","
                            + " \"Expiration\": \"2099-01-01T00:00:00Z\"}")));
  }

  private AwsCredentials ours(String profile) throws AwsCredentialsException {
    return new AwsCredentialChain(env, OkHttpClient::new, Clock.systemUTC()).resolve(profile);
  }

  /** The SDK's answer on the same files and environment ({@code --default}: its default chain). */
  private JsonNode sdk(String profile) throws Exception {
    Process sdk = SdkProfileCredentialsMain.start(profile, env, home.resolve("sdk.log"));
    assertThat(sdk.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(sdk.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(sdk.exitValue()).as(Files.readString(home.resolve("sdk.log"))).isZero();
    return Json.parse(out);
  }

  private static void assertSame(AwsCredentials ours, JsonNode sdk) {
    assertThat(ours.accessKeyId()).isEqualTo(sdk.path("accessKeyId").asString());
    assertThat(ours.secretAccessKey()).isEqualTo(sdk.path("secretAccessKey").asString());
    assertThat(ours.sessionToken()).isEqualTo(sdk.path("sessionToken").asString());
  }

  /** The two STS requests so far (ours, then the SDK's): the same form body. */
  private static List<LoggedRequest> sameStsRequests() {
    List<LoggedRequest> sent = aws.findAll(postRequestedFor(urlEqualTo("/")));
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).getBodyAsString()).isEqualTo(sent.get(1).getBodyAsString());
    return sent;
  }

  @Test
  void aProfilesWebIdentityRoleAsTheSdkAssumesIt() throws Exception {
    Files.writeString(
        home.resolve(".aws/config"),
        "[profile web]\nrole_arn = "
            + ROLE_ARN
            + "\nweb_identity_token_file = "
            + tokenFile
            + "\nrole_session_name = me\nregion = eu-west-1\n");

    AwsCredentials ours = ours("web");
    assertThat(ours.source()).isEqualTo("profile web (role " + ROLE_ARN + ", web identity)");
    assertSame(ours, sdk("web"));
    for (LoggedRequest request : sameStsRequests()) {
      assertThat(request.getBodyAsString())
          .startsWith("Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=")
          .contains("&WebIdentityToken=eyJhbGciOiJSUzI1NiJ9.web-identity-jwt.sig");
      assertThat(request.containsHeader("Authorization")).as("unsigned, as the SDK").isFalse();
    }
    assertThat(ours.toString()).doesNotContain("web-identity-jwt");
  }

  @Test
  void theEnvironmentsWebIdentityComesAfterItsKeysAndBeforeTheProfile() throws Exception {
    Files.writeString(
        home.resolve(".aws/credentials"),
        "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = s\n");
    env.put("AWS_WEB_IDENTITY_TOKEN_FILE", tokenFile.toString());
    env.put("AWS_ROLE_ARN", ROLE_ARN);
    env.put("AWS_ROLE_SESSION_NAME", "pod");

    AwsCredentials ours = ours(null);
    assertThat(ours.accessKeyId()).isEqualTo("ASIAASSUMEROLEWITHWEBIDENTITY");
    assertSame(ours, sdk("--default"));
    sameStsRequests();
    assertThat(new AwsCredentialChain(env, OkHttpClient::new, Clock.systemUTC()).describe(null))
        .isEqualTo("environment (AWS_WEB_IDENTITY_TOKEN_FILE)");
    assertThat(ours("default").accessKeyId()).as("a named profile wins").isEqualTo("AKIDFILE");
  }

  @Test
  void aRoleWhoseCredentialSourceIsTheEnvironment() throws Exception {
    Files.writeString(
        home.resolve(".aws/config"),
        "[profile deploy]\nrole_arn = "
            + ROLE_ARN
            + "\ncredential_source = Environment\nrole_session_name = me\nregion = eu-west-1\n");
    env.put("AWS_ACCESS_KEY_ID", "AKIDENVSOURCE");
    env.put("AWS_SECRET_ACCESS_KEY", "secret-env-source");

    AwsCredentials ours = ours("deploy");
    assertThat(ours.accessKeyId()).isEqualTo("ASIAASSUMEROLE");
    assertSame(ours, sdk("deploy"));
    for (LoggedRequest request : sameStsRequests()) {
      assertThat(request.getHeader("Authorization"))
          .startsWith("AWS4-HMAC-SHA256 Credential=AKIDENVSOURCE/")
          .contains("/eu-west-1/sts/aws4_request");
    }
  }

  @Test
  void instanceMetadataAsACredentialSourceIsRefusedWithoutAsking() throws Exception {
    Files.writeString(
        home.resolve(".aws/config"),
        "[profile ec2]\nrole_arn = " + ROLE_ARN + "\ncredential_source = Ec2InstanceMetadata\n");
    assertThatThrownBy(() -> ours("ec2"))
        .isInstanceOf(AwsCredentialsException.class)
        .hasMessageContaining("instance metadata service, which is never asked");
    assertThat(aws.getAllServeEvents()).isEmpty();
  }

  @Test
  void containerCredentialsWithTheirTokenAsTheSdkFetchesThem() throws Exception {
    env.remove("AWS_ENDPOINT_URL_STS");
    env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", aws.baseUrl() + "/container/creds");
    env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", "container-auth-token");

    AwsCredentials ours = ours(null);
    assertThat(ours.source()).isEqualTo("container credentials");
    assertSame(ours, sdk("--default"));
    assertThat(aws.findAll(getRequestedFor(urlEqualTo("/container/creds")))).hasSize(2);
  }

  @Test
  void containerCredentialsGoThroughTheNetworkPolicy() throws Exception {
    env.remove("AWS_ENDPOINT_URL_STS");
    env.put("AWS_ENDPOINT_URL_STS", aws.baseUrl());
    env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", aws.baseUrl() + "/container/creds");
    env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", "container-auth-token");
    aws.stubFor(
        post(urlEqualTo("/"))
            .withRequestBody(containing("Action=GetCallerIdentity"))
            .willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody("<ok/>")));

    assertThat(callSts(false).error().code().toString()).isEqualTo("AUTH_REQUIRED");
    assertThat(aws.findAll(getRequestedFor(urlEqualTo("/container/creds")))).isEmpty();
    assertThat(callSts(true).ok()).isTrue();
    assertThat(aws.findAll(getRequestedFor(urlEqualTo("/container/creds")))).hasSize(1);

    env.remove("AWS_CONTAINER_CREDENTIALS_FULL_URI");
    env.put("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/abc");
    ToolResult linkLocal = callSts(true);
    assertThat(linkLocal.ok()).isFalse();
    assertThat(linkLocal.error().message()).contains("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
  }

  private ToolResult callSts(boolean allowPrivateNetwork) throws Exception {
    try (ToolRegistry registry =
            ToolRegistry.builder()
                .approvals(ApprovalHandler.APPROVE_ALL)
                .environment(env)
                .allowPrivateNetwork(allowPrivateNetwork)
                .build();
        InputStream in = getClass().getResourceAsStream("/aws/sts.json")) {
      assertThat(
              registry
                  .addSource(
                      Json.object()
                          .put("spec", new String(in.readAllBytes(), StandardCharsets.UTF_8))
                          .put("namespace", "sts"))
                  .ok())
          .isTrue();
      ToolResult result =
          registry.call("sts.actionGetCallerIdentity.postGetCallerIdentity", Json.object());
      assertThat(result.toString()).doesNotContain("secret-container", "token-container");
      return result;
    }
  }
}
