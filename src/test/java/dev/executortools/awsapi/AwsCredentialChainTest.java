package dev.executortools.awsapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Each source of credentials in turn, from files in a temporary home; where the SDK's own {@code
 * ProfileCredentialsProvider} reads the same files without a service, its answer is the expected
 * one.
 */
class AwsCredentialChainTest {
  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  @TempDir Path home;
  private final MockWebServer server = new MockWebServer();
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void start() throws Exception {
    server.start();
    env.put("HOME", home.toString());
    Files.createDirectories(home.resolve(".aws"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private AwsCredentialChain chain() {
    return new AwsCredentialChain(env, OkHttpClient::new, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private void config(String text) throws Exception {
    Files.writeString(home.resolve(".aws/config"), text);
  }

  private void credentialsFile(String text) throws Exception {
    Files.writeString(home.resolve(".aws/credentials"), text);
  }

  /** The SDK's answer for the same files. */
  private software.amazon.awssdk.auth.credentials.AwsCredentials sdk(String profile) {
    ProfileFile.Aggregator files = ProfileFile.aggregator();
    if (Files.exists(home.resolve(".aws/config"))) {
      files.addFile(
          ProfileFile.builder()
              .content(home.resolve(".aws/config"))
              .type(ProfileFile.Type.CONFIGURATION)
              .build());
    }
    if (Files.exists(home.resolve(".aws/credentials"))) {
      files.addFile(
          ProfileFile.builder()
              .content(home.resolve(".aws/credentials"))
              .type(ProfileFile.Type.CREDENTIALS)
              .build());
    }
    AwsCredentialsProvider provider =
        ProfileCredentialsProvider.builder()
            .profileFile(files.build())
            .profileName(profile)
            .build();
    return provider.resolveCredentials();
  }

  private static void assertSame(
      AwsCredentials ours, software.amazon.awssdk.auth.credentials.AwsCredentials sdk) {
    assertThat(ours.accessKeyId()).isEqualTo(sdk.accessKeyId());
    assertThat(ours.secretAccessKey()).isEqualTo(sdk.secretAccessKey());
    assertThat(ours.sessionToken())
        .isEqualTo(sdk instanceof AwsSessionCredentials s ? s.sessionToken() : null);
  }

  @Test
  void staticKeysOfTheCredentialsFileAsTheSdkReadsThem() throws Exception {
    credentialsFile(
        "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = secret-default\n"
            + "[dev]\naws_access_key_id=AKIDDEV\naws_secret_access_key=secret-dev\n"
            + "aws_session_token=token-dev\n");
    config("[profile dev]\nregion = eu-west-1\n");

    AwsCredentials dev = chain().resolve("dev");
    assertSame(dev, sdk("dev"));
    assertSame(chain().resolve(null), sdk("default"));
    assertThat(dev.toString()).doesNotContain("secret-dev").doesNotContain("token-dev");
    assertThat(chain().describe("dev")).isEqualTo("profile dev (static keys)");
    assertThat(chain().region("dev")).isEqualTo("eu-west-1");
  }

  @Test
  void theEnvironmentComesFirstUnlessAProfileIsNamed() throws Exception {
    credentialsFile("[default]\naws_access_key_id=AKIDFILE\naws_secret_access_key=s\n");
    env.put("AWS_ACCESS_KEY_ID", "AKIDENV");
    env.put("AWS_SECRET_ACCESS_KEY", "secret-env");
    env.put("AWS_SESSION_TOKEN", "token-env");

    AwsCredentials fromEnv = chain().resolve(null);
    assertThat(fromEnv.accessKeyId()).isEqualTo("AKIDENV");
    assertThat(fromEnv.sessionToken()).isEqualTo("token-env");
    assertThat(chain().describe(null)).isEqualTo("environment (AWS_ACCESS_KEY_ID)");
    assertThat(chain().resolve("default").accessKeyId()).isEqualTo("AKIDFILE");

    env.remove("AWS_ACCESS_KEY_ID");
    env.put("AWS_PROFILE", "other");
    credentialsFile(
        "[default]\naws_access_key_id=AKIDFILE\naws_secret_access_key=s\n"
            + "[other]\naws_access_key_id=AKIDOTHER\naws_secret_access_key=o\n");
    assertThat(chain().resolve(null).accessKeyId()).isEqualTo("AKIDOTHER");
  }

  @Test
  void credentialProcessAsTheSdkRunsIt() throws Exception {
    Path script = home.resolve("creds.sh");
    Files.writeString(
        script,
        "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"AKIDPROC\", \"SecretAccessKey\":"
            + " \"secret-proc\", \"SessionToken\": \"token-proc\", \"Expiration\":"
            + " \"2099-01-01T00:00:00Z\"}'\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    config("[profile proc]\ncredential_process = " + script + "\n");

    AwsCredentials ours = chain().resolve("proc");
    assertSame(ours, sdk("proc"));
    assertThat(ours.expiration()).isEqualTo(Instant.parse("2099-01-01T00:00:00Z"));
    assertThat(chain().describe("proc")).isEqualTo("profile proc (credential_process)");
  }

  @Test
  void ssoRoleCredentialsFromThePortalWithTheCachedToken() throws Exception {
    config(
        "[profile dev]\nsso_session = my-sso\nsso_account_id = 111122223333\n"
            + "sso_role_name = ReadOnly\nregion = eu-west-1\n"
            + "[sso-session my-sso]\nsso_start_url = https://d-123.awsapps.com/start\n"
            + "sso_region = eu-west-1\n");
    Path cache = Files.createDirectories(home.resolve(".aws/sso/cache"));
    Files.writeString(
        cache.resolve(SsoRoleCredentials.sha1("my-sso") + ".json"),
        "{\"startUrl\": \"https://d-123.awsapps.com/start\", \"region\": \"eu-west-1\","
            + " \"accessToken\": \"sso-access-token\", \"expiresAt\": \"2026-12-07T13:00:00Z\"}");
    // the JDK's server: MockWebServer refuses the header's underscore, AWS's portal needs it
    HttpServer portal =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    List<HttpExchangeRecord> seen = new ArrayList<>();
    portal.createContext(
        "/",
        exchange -> {
          seen.add(
              new HttpExchangeRecord(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getRawPath(),
                  exchange.getRequestURI().getRawQuery(),
                  exchange.getRequestHeaders().getFirst("x-amz-sso_bearer_token")));
          byte[] body =
              ("{\"roleCredentials\": {\"accessKeyId\": \"ASIAROLE\", \"secretAccessKey\":"
                      + " \"secret-role\", \"sessionToken\": \"token-role\", \"expiration\":"
                      + " 1900000000000}}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    portal.start();
    try {
      env.put("AWS_ENDPOINT_URL_SSO", "http://127.0.0.1:" + portal.getAddress().getPort() + "/");
      AwsCredentialChain chain = chain();
      AwsCredentials role = chain.resolve("dev");

      assertThat(seen)
          .containsExactly(
              new HttpExchangeRecord(
                  "GET",
                  "/federation/credentials",
                  "account_id=111122223333&role_name=ReadOnly",
                  "sso-access-token"));
      assertThat(role.accessKeyId()).isEqualTo("ASIAROLE");
      assertThat(role.sessionToken()).isEqualTo("token-role");
      assertThat(role.expiration()).isEqualTo(Instant.ofEpochMilli(1900000000000L));
      assertThat(chain.describe("dev")).isEqualTo("profile dev (sso)");
      // kept while valid: no second call
      assertThat(chain.resolve("dev")).isSameAs(role);
      assertThat(seen).hasSize(1);
    } finally {
      portal.stop(0);
    }
  }

  /** What the portal stand-in saw of one request. */
  record HttpExchangeRecord(String method, String path, String query, String token) {}

  @Test
  void anExpiredSsoSignInAsksForSsoLogin() throws Exception {
    config(
        "[profile dev]\nsso_start_url = https://d-123.awsapps.com/start\nsso_region = us-east-1\n"
            + "sso_account_id = 1\nsso_role_name = R\n");
    Path cache = Files.createDirectories(home.resolve(".aws/sso/cache"));
    Files.writeString(
        cache.resolve(SsoRoleCredentials.sha1("https://d-123.awsapps.com/start") + ".json"),
        "{\"accessToken\": \"old\", \"expiresAt\": \"2026-12-07T11:00:00Z\"}");
    assertThatThrownBy(() -> chain().resolve("dev"))
        .isInstanceOf(AwsCredentialsException.class)
        .hasMessageContaining("has expired")
        .hasMessageContaining("sso login --profile dev");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aRoleIsAssumedWithTheSourceProfilesSignedCredentials() throws Exception {
    credentialsFile("[base]\naws_access_key_id=AKIDBASE\naws_secret_access_key=secret-base\n");
    config(
        "[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/Admin\nsource_profile = base\n"
            + "role_session_name = me\nregion = eu-central-1\n");
    env.put("AWS_ENDPOINT_URL_STS", server.url("/").toString());
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "text/xml")
            .body(
                "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                    + "<AssumeRoleResult><Credentials><AccessKeyId>ASIAADMIN</AccessKeyId>"
                    + "<SecretAccessKey>secret-admin</SecretAccessKey>"
                    + "<SessionToken>token-admin</SessionToken>"
                    + "<Expiration>2026-12-07T13:00:00Z</Expiration></Credentials>"
                    + "</AssumeRoleResult></AssumeRoleResponse>")
            .build());

    AwsCredentials admin = chain().resolve("admin");

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getBody().utf8())
        .isEqualTo(
            "Action=AssumeRole&Version=2011-06-15"
                + "&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2FAdmin&RoleSessionName=me");
    assertThat(request.getHeaders().get("Authorization"))
        .startsWith("AWS4-HMAC-SHA256 Credential=AKIDBASE/20261207/eu-central-1/sts/aws4_request");
    assertThat(admin.accessKeyId()).isEqualTo("ASIAADMIN");
    assertThat(admin.sessionToken()).isEqualTo("token-admin");
    assertThat(admin.toString()).doesNotContain("secret").doesNotContain("token-admin");
  }

  @Test
  void noProfileNoEnvironmentIsAClearFailure() {
    assertThatThrownBy(() -> chain().resolve(null))
        .isInstanceOf(AwsCredentialsException.class)
        .hasMessageContaining("no profile default")
        .hasMessageContaining("instance metadata service is never asked");
  }
}
