package dev.executortools.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.executortools.sso.OidcStubs.ACCESS_TOKEN;
import static dev.executortools.sso.OidcStubs.CLIENT_SECRET;
import static dev.executortools.sso.OidcStubs.DEVICE_CODE;
import static dev.executortools.sso.OidcStubs.REFRESH_TOKEN;
import static dev.executortools.sso.OidcStubs.USER_CODE;
import static dev.executortools.sso.OidcStubs.VERIFICATION_URI;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.executortools.internal.Json;
import dev.executortools.sso.OidcStubs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sso login | token | logout} through {@code Main.run}, against an OIDC endpoint on
 * loopback.
 */
@Timeout(60)
class SsoCommandTest {
  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  static final String START_URL = "https://d-9067642ac7.awsapps.com/start";

  @TempDir Path home;
  Map<String, String> environment;

  @BeforeEach
  void setUp() throws Exception {
    environment = Map.of("AWS_ENDPOINT_URL_SSO_OIDC", server.baseUrl(), "HOME", home.toString());
    OidcStubs.register(server, Instant.now().plus(Duration.ofDays(90)).getEpochSecond());
    OidcStubs.deviceAuthorization(server, 600, 1);
    Files.createDirectories(home.resolve(".aws"));
    Files.writeString(
        home.resolve(".aws/config"),
        """
        [profile dev]
        sso_session = my-sso
        sso_account_id = 111122223333
        sso_role_name = ReadOnly

        [sso-session my-sso]
        sso_start_url = https://d-9067642ac7.awsapps.com/start
        sso_region = eu-west-1
        sso_registration_scopes = sso:account:access
        """);
  }

  private CliRunner.Run sso(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "sso";
    System.arraycopy(args, 0, all, 1, args.length);
    return CliRunner.runRaw(environment, "", all);
  }

  @Test
  void loginShowsTheCodeOnStderrAndTheSummaryOnStdoutButNeverTheToken() throws Exception {
    OidcStubs.tokenReplies(server, "pending", "ok");
    Path cacheDir = home.resolve("cache");

    CliRunner.Run run =
        sso(
            "login",
            "--start-url",
            START_URL,
            "--region",
            "eu-west-1",
            "--no-browser",
            "--cache-dir",
            cacheDir.toString());

    assertThat(run.exit()).as(run.all()).isZero();
    assertThat(run.json().path("ok").asBoolean()).isTrue();
    assertThat(run.json().path("data").path("startUrl").asString()).isEqualTo(START_URL);
    assertThat(run.json().path("data").path("region").asString()).isEqualTo("eu-west-1");
    assertThat(Instant.parse(run.json().path("data").path("expiresAt").asString()))
        .isAfter(Instant.now().plus(Duration.ofHours(7)));
    assertThat(run.err())
        .contains(VERIFICATION_URI, USER_CODE, VERIFICATION_URI + "?user_code=" + USER_CODE);
    assertThat(run.all()).doesNotContain(ACCESS_TOKEN, REFRESH_TOKEN, CLIENT_SECRET, DEVICE_CODE);
    try (var files = Files.list(cacheDir)) {
      assertThat(files).hasSize(2); // the token and the client registration
    }
    assertThat(home.resolve(".aws/sso")).as("--cache-dir is the only place written").doesNotExist();
  }

  @Test
  void aProfileOfTheConfigFileLogsInOnceThenTokenAndLogoutUseTheSameCache() throws Exception {
    OidcStubs.tokenReplies(server, "ok");

    CliRunner.Run login = sso("login", "--profile", "dev", "--no-browser");
    assertThat(login.exit()).as(login.all()).isZero();
    assertThat(login.json().path("data").path("sessionName").asString()).isEqualTo("my-sso");
    assertThat(login.json().path("data").path("obtainedBy").asString())
        .isEqualTo("device_authorization");
    assertThat(home.resolve(".aws/sso/cache/0ad374308c5a4e22f723adf10145eafad7c4031c.json"))
        .exists();

    CliRunner.Run again = sso("login", "--sso-session", "my-sso");
    assertThat(again.json().path("data").path("obtainedBy").asString()).isEqualTo("cache");

    CliRunner.Run token = sso("token", "--profile", "dev");
    assertThat(token.exit()).isZero();
    assertThat(token.json().path("data").path("accessToken").asString()).isEqualTo(ACCESS_TOKEN);

    CliRunner.Run logout = sso("logout");
    assertThat(logout.exit()).isZero();
    assertThat(logout.json().path("data").path("removed").asInt()).isEqualTo(1);
    try (var files = Files.list(home.resolve(".aws/sso/cache"))) {
      assertThat(files).as("the client registration stays, as with aws sso logout").hasSize(1);
    }

    CliRunner.Run none = sso("token", "--profile", "dev");
    assertThat(none.exit()).isEqualTo(1);
    assertThat(none.json().path("error").path("code").asString()).isEqualTo("missing_secret");
    assertThat(OidcStubs.bodies(server, "/client/register")).hasSize(1);
  }

  @Test
  void aDeniedSignInExitsOneWithTheReason() {
    OidcStubs.tokenReplies(server, "denied");

    CliRunner.Run run = sso("login", "--profile", "dev", "--no-browser");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.json().path("ok").asBoolean()).isFalse();
    assertThat(run.json().path("error").path("message").asString())
        .isEqualTo("sign-in was denied (AccessDeniedException)");
    assertThat(home.resolve(".aws/sso/cache/0ad374308c5a4e22f723adf10145eafad7c4031c.json"))
        .doesNotExist();
  }

  @Test
  void anExpiredSignInRequestExitsOne() {
    OidcStubs.tokenReplies(server, "expired");

    CliRunner.Run run = sso("login", "--profile", "dev", "--no-browser");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.json().path("error").path("message").asString())
        .contains("expired before it was approved");
  }

  @Test
  void terminalEscapesInTheServicesReplyAreNotPrinted() {
    server.stubFor(
        post(urlEqualTo("/device_authorization"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"deviceCode\":\"d\",\"userCode\":\"AB\\u001b]0;pwned\\u0007CD\","
                            + "\"verificationUri\":\"https://device.sso.eu-west-1.amazonaws.com/\\u001b[2J\","
                            + "\"expiresIn\":600,\"interval\":1}")));
    OidcStubs.tokenReplies(server, "pending", "ok");

    CliRunner.Run run = sso("login", "--profile", "dev", "--no-browser");

    assertThat(run.exit()).as(run.all()).isZero();
    assertThat(run.err()).contains("  AB]0;pwnedCD").doesNotContain("\u001b", "\u0007");
  }

  @Test
  void conflictingOptionsAndMissingConfigurationAreUsageErrors() {
    CliRunner.Run both = sso("login", "--start-url", START_URL, "--profile", "dev");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.json().path("error").path("code").asString()).isEqualTo("invalid_usage");

    CliRunner.Run unknown = sso("login", "--profile", "prod");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.json().path("error").path("message").asString())
        .isEqualTo("no profile prod in " + home.resolve(".aws/config"));

    CliRunner.Run badRegion =
        sso("login", "--start-url", START_URL, "--region", "evil.example.com/x");
    assertThat(badRegion.exit()).isEqualTo(2);
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void sessionNameAndScopesGoWithAStartUrl() throws Exception {
    OidcStubs.tokenReplies(server, "ok");

    CliRunner.Run run =
        sso(
            "login",
            "--start-url",
            START_URL,
            "--region",
            "eu-west-1",
            "--session-name",
            "team",
            "--scopes",
            "sso:account:access,codewhisperer:completions",
            "--no-browser");

    assertThat(run.exit()).as(run.all()).isZero();
    assertThat(OidcStubs.bodies(server, "/client/register").get(0).path("scopes"))
        .isEqualTo(Json.parse("[\"sso:account:access\", \"codewhisperer:completions\"]"));
    assertThat(home.resolve(".aws/sso/cache/" + sha1("team") + ".json")).exists();

    CliRunner.Run token = sso("token", "--session-name", "team");
    assertThat(token.exit()).as(token.all()).isZero();
    assertThat(token.json().path("data").path("accessToken").asString()).isEqualTo(ACCESS_TOKEN);
    assertThat(token.json().path("data").path("region").asString()).isEqualTo("eu-west-1");
    CliRunner.Run nobody = sso("token", "--session-name", "nobody");
    assertThat(nobody.exit()).isEqualTo(2);
    assertThat(nobody.json().path("error").path("message").asString())
        .isEqualTo(
            "no cached token for session nobody: sign in with --start-url and --session-name");
  }

  /**
   * Every {@code sso} command line of the README's sign-in section, run as written (HOME is a temp
   * dir).
   */
  @Test
  void theReadmeCommandsRunAsWritten() throws Exception {
    OidcStubs.tokenReplies(server, "ok");
    String readme = Files.readString(Path.of("README.md"));
    String section =
        readme.substring(readme.indexOf("### AWS sign-in"), readme.indexOf("### AWS APIs (SigV4)"));
    List<String[]> commands =
        section
            .lines()
            .filter(line -> line.startsWith("java -jar $jar sso "))
            .map(
                line ->
                    line.replaceFirst("\\s+#.*$", "")
                        .substring("java -jar $jar ".length())
                        .split("\\s+"))
            .toList();
    assertThat(commands).hasSize(4);

    List<CliRunner.Run> runs =
        commands.stream().map(args -> CliRunner.runRaw(environment, "", args)).toList();

    assertThat(runs).allSatisfy(run -> assertThat(run.exit()).as(run.all()).isZero());
    assertThat(runs.get(0).json().path("data").path("sessionName").asString()).isEqualTo("my-sso");
    assertThat(runs.get(1).json().path("data").path("startUrl").asString()).isEqualTo(START_URL);
    assertThat(runs.get(2).json().path("data").path("accessToken").asString())
        .isEqualTo(ACCESS_TOKEN);
    assertThat(runs.get(3).json().path("data").path("removed").asInt()).isEqualTo(2);
  }

  private static String sha1(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
