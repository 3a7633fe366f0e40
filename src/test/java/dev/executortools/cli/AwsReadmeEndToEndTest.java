package dev.executortools.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.executortools.sso.OidcStubs.ACCESS_TOKEN;
import static dev.executortools.sso.OidcStubs.CLIENT_SECRET;
import static dev.executortools.sso.OidcStubs.REFRESH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.executortools.awsapi.SdkProfileCredentialsMain;
import dev.executortools.awsapi.SsoPortalStubs;
import dev.executortools.internal.Json;
import dev.executortools.sso.OidcStubs;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import tools.jackson.databind.JsonNode;

/**
 * README "AWS APIs (SigV4)" as written, through {@code Main.run}: {@code sso login --profile dev}
 * against the loopback SSO-OIDC stand-in of the {@code sso} tests (the person approves after one
 * poll), STS and DynamoDB added from the directory's specs (trimmed copies in place of the URLs),
 * {@code GetCallerIdentity} and {@code ListTables} signed with the role credentials the SSO portal
 * stand-in hands out for the token {@code sso login} cached, and {@code auth status}. The AWS SDK
 * for Java v2's own {@code ProfileCredentialsProvider}, in a JVM of its own on the same files and
 * cache, resolves the same credentials, and its signer signs our STS request as we did.
 */
@Timeout(120)
class AwsReadmeEndToEndTest {
  @RegisterExtension
  static final WireMockExtension oidc =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @RegisterExtension
  static final WireMockExtension aws =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  static final String ROLE_KEY = "ASIAROLEEXAMPLE00001";
  static final String ROLE_SECRET = "role-secret-wJalrXUtnFEMIK7MDENGbPxRfiCY";
  static final String ROLE_TOKEN = "role-session-token-IQoJb3JpZ2luX2VjEXAMPLE";
  static final Map<String, String> SPECS =
      Map.of(
          "https://api.apis.guru/v2/specs/amazonaws.com/sts/2011-06-15/openapi.json", "sts.json",
          "https://api.apis.guru/v2/specs/amazonaws.com/dynamodb/2012-08-10/openapi.json",
              "dynamodb.json");

  @TempDir Path home;
  Map<String, String> environment;

  @BeforeEach
  void setUp() throws Exception {
    environment = new HashMap<>();
    environment.put("HOME", home.toString());
    environment.put("EXECUTOR_TOOLS_HOME", home.resolve("executor-tools").toString());
    environment.put("AWS_ENDPOINT_URL_SSO_OIDC", oidc.baseUrl());
    environment.put("AWS_ENDPOINT_URL_SSO", aws.baseUrl());
    environment.put("AWS_ENDPOINT_URL_STS", aws.baseUrl());
    environment.put("AWS_ENDPOINT_URL_DYNAMODB", aws.baseUrl());
    Files.createDirectories(home.resolve(".aws"));
    Files.writeString(home.resolve(".aws/config"), SsoPortalStubs.DEV_PROFILE_CONFIG);
    OidcStubs.register(oidc, Instant.now().plus(Duration.ofDays(90)).getEpochSecond());
    OidcStubs.deviceAuthorization(oidc, 600, 1);
    OidcStubs.tokenReplies(oidc, "pending", "ok");
    long expiration = Instant.now().plus(Duration.ofHours(1)).toEpochMilli();
    aws.stubFor(
        get(urlPathEqualTo("/federation/credentials"))
            .withQueryParam("account_id", equalTo("111122223333"))
            .withQueryParam("role_name", equalTo("ReadOnly"))
            .withHeader("x-amz-sso_bearer_token", equalTo(ACCESS_TOKEN))
            .willReturn(
                SsoPortalStubs.roleCredentials(
                    ROLE_KEY, ROLE_SECRET, ROLE_TOKEN, Instant.ofEpochMilli(expiration))));
    aws.stubFor(
        post(urlEqualTo("/"))
            .withRequestBody(containing("Action=GetCallerIdentity"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/xml")
                    .withBody(
                        "<GetCallerIdentityResponse"
                            + " xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                            + "<GetCallerIdentityResult>"
                            + "<Arn>arn:aws:sts::111122223333:assumed-role/ReadOnly/me</Arn>"
                            + "<UserId>AROAEXAMPLE:me</UserId><Account>111122223333</Account>"
                            + "</GetCallerIdentityResult></GetCallerIdentityResponse>")));
    aws.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("DynamoDB_20120810.ListTables"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/x-amz-json-1.0")
                    .withBody("{\"TableNames\": [\"orders\"]}")));
  }

  @Test
  void theReadmeLinesSignInAddStsAndDynamoDbAndCallThemWithTheSsoRoleCredentials()
      throws Exception {
    List<List<String>> commands = readmeCommands();
    assertThat(commands).hasSize(6);

    List<CliRunner.Run> runs = new ArrayList<>();
    for (List<String> args : commands) {
      CliRunner.Run run = CliRunner.runRaw(environment, "", args.toArray(String[]::new));
      assertThat(run.exit()).as(String.join(" ", args) + "\n" + run.all()).isZero();
      runs.add(run);
    }

    assertThat(runs.get(0).data().path("sessionName").asString()).isEqualTo("my-sso");
    assertThat(runs.get(3).data().toString())
        .as(runs.get(3).out())
        .contains("arn:aws:sts::111122223333:assumed-role/ReadOnly/me");
    assertThat(runs.get(4).data().path("TableNames").toString())
        .as(runs.get(4).out())
        .isEqualTo("[\"orders\"]");
    JsonNode status = runs.get(5).data().path("sources").get(0).path("aws");
    assertThat(status.path("profile").asString()).isEqualTo("dev");
    assertThat(status.path("credentials").asString()).isEqualTo("profile dev (sso)");
    assertThat(status.path("region").asString()).isEqualTo("eu-west-1");
    CliRunner.Run sources = CliRunner.runRaw(environment, "", "sources", "list");
    assertThat(sources.data().path("sources").get(0).path("awsProfile").asString())
        .isEqualTo("dev");
    for (CliRunner.Run run : runs) {
      assertThat(run.all())
          .doesNotContain(ACCESS_TOKEN, REFRESH_TOKEN, CLIENT_SECRET, ROLE_SECRET, ROLE_TOKEN);
    }

    // the portal got the token sso login cached; STS and DynamoDB requests signed with its answer
    assertThat(aws.findAll(getRequestedFor(urlPathEqualTo("/federation/credentials"))))
        .as("role credentials kept across the commands' own registries? each command is a JVM")
        .hasSizeBetween(1, 2);
    List<LoggedRequest> signed = aws.findAll(postRequestedFor(urlEqualTo("/")));
    assertThat(signed).hasSize(2);
    for (LoggedRequest request : signed) {
      assertThat(request.getHeader("Authorization"))
          .startsWith("AWS4-HMAC-SHA256 Credential=" + ROLE_KEY + "/")
          .contains("/eu-west-1/");
      assertThat(request.getHeader("X-Amz-Security-Token")).isEqualTo(ROLE_TOKEN);
    }

    // the SDK, on the same files and cache, finds the same role credentials
    JsonNode sdk = sdkCredentials("dev");
    assertThat(sdk.path("accessKeyId").asString()).isEqualTo(ROLE_KEY);
    assertThat(sdk.path("secretAccessKey").asString()).isEqualTo(ROLE_SECRET);
    assertThat(sdk.path("sessionToken").asString()).isEqualTo(ROLE_TOKEN);
    // and its signer, given them, signs our STS request exactly as we did
    LoggedRequest sts =
        signed.stream()
            .filter(r -> r.getBodyAsString().contains("GetCallerIdentity"))
            .findFirst()
            .orElseThrow();
    assertThat(sdkAuthorization(sts, sdk, "eu-west-1", "sts"))
        .isEqualTo(sts.getHeader("Authorization"));
  }

  /** The README section's commands, split as sh splits them, the spec URLs made local texts. */
  private List<List<String>> readmeCommands() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    String section = readme.substring(readme.indexOf("### AWS APIs (SigV4)"));
    section = section.substring(section.indexOf("```sh"), section.indexOf("```\n", 6));
    List<List<String>> commands = new ArrayList<>();
    for (String line : section.lines().toList()) {
      if (!line.startsWith("java -jar $jar ")) continue;
      List<String> args = ShellWords.split(line.replaceFirst("\\s+#.*$", ""));
      List<String> local = new ArrayList<>();
      for (String arg : args.subList(3, args.size())) local.add(localSpecs(arg));
      commands.add(local);
    }
    return commands;
  }

  private String localSpecs(String arg) throws Exception {
    for (Map.Entry<String, String> spec : SPECS.entrySet()) {
      if (!arg.contains(spec.getKey())) continue;
      try (InputStream in = getClass().getResourceAsStream("/aws/" + spec.getValue())) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        arg = arg.replace("\"" + spec.getKey() + "\"", Json.write(Json.MAPPER.valueToTree(text)));
      }
    }
    return arg;
  }

  private JsonNode sdkCredentials(String profile) throws Exception {
    Map<String, String> env =
        Map.of(
            "HOME", home.toString(),
            "AWS_ENDPOINT_URL_SSO", aws.baseUrl(),
            "AWS_ENDPOINT_URL_SSO_OIDC", oidc.baseUrl());
    Process sdk = SdkProfileCredentialsMain.start(profile, env, home.resolve("sdk.log"));
    assertThat(sdk.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(sdk.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(sdk.exitValue()).as(Files.readString(home.resolve("sdk.log"))).isZero();
    return Json.parse(out);
  }

  /** What the SDK's signer makes of the request we sent, at its instant, with {@code creds}. */
  static String sdkAuthorization(
      LoggedRequest request, JsonNode creds, String region, String service) {
    String authorization = request.getHeader("Authorization");
    String signedHeaders =
        authorization.substring(
            authorization.indexOf("SignedHeaders=") + 14, authorization.indexOf(", Signature="));
    java.net.URI uri =
        java.net.URI.create("http://" + request.getHeader("Host") + request.getUrl());
    SdkHttpRequest.Builder sdk =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.fromValue(request.getMethod().getName()))
            .protocol(uri.getScheme())
            .host(uri.getHost())
            .port(uri.getPort())
            .encodedPath(uri.getRawPath());
    for (String name : signedHeaders.split(";")) {
      if (List.of("host", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256")
          .contains(name)) {
        continue;
      }
      String value = request.getHeader(name);
      // WireMock's Jetty reports a known charset upper-cased; the SDKs and we send it lower-case
      if (name.equals("content-type")) value = value.replace("charset=UTF-8", "charset=utf-8");
      sdk.appendHeader(name, value);
    }
    Instant at =
        Instant.from(
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC)
                .parse(request.getHeader("X-Amz-Date")));
    var signed =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.identity(
                            AwsSessionCredentialsIdentity.create(
                                creds.path("accessKeyId").asString(),
                                creds.path("secretAccessKey").asString(),
                                creds.path("sessionToken").asString()))
                        .request(sdk.build())
                        .payload(ContentStreamProvider.fromByteArray(request.getBody()))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
    return signed.request().firstMatchingHeader("Authorization").orElseThrow();
  }
}
