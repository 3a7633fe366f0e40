package dev.executortools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.ToolRegistry;
import dev.executortools.internal.Json;
import dev.executortools.store.FileSecretStore;
import dev.executortools.testing.CliProcess;
import dev.executortools.testing.FollowingBrowser;
import dev.executortools.testing.ProtectedApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code auth login | status | logout} as a person runs them, each its own process on one home,
 * against a real authorization server (mock-oauth2-server) and a protected API (WireMock): the URL
 * printed on stderr is followed as a browser would, the summary on stdout never shows a token, and
 * two processes calling with an expired token make exactly one refresh request.
 */
class AuthCommandTest {
  private static final Pattern URL =
      Pattern.compile("(http://localhost:\\d+/default/authorize\\S+)");

  private final ProtectedApi fixture = new ProtectedApi();

  @TempDir Path home;
  @TempDir Path dir;

  @AfterEach
  void stop() {
    fixture.close();
  }

  private void addSource() {
    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      assertThat(registry.addSource(fixture.addArguments("authorizationCode", null)).ok()).isTrue();
    }
  }

  private Process start(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx256m", "-cp", System.getProperty("java.class.path")));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    command.addAll(List.of("--home", home.toString()));
    return new ProcessBuilder(command)
        .redirectOutput(Files.createTempFile(dir, "out", ".txt").toFile())
        .redirectError(Files.createTempFile(dir, "err", ".txt").toFile())
        .start();
  }

  @Test
  void loginPrintsTheUrlSignsInAndStatusAndLogoutNeverShowAToken() throws Exception {
    addSource();
    Path out = dir.resolve("login.out");
    Path err = dir.resolve("login.err");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx256m", "-cp", System.getProperty("java.class.path")));
    command.addAll(
        List.of(Main.class.getName(), "auth", "login", "things", "--home", home.toString()));
    Process login =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    try {
      Matcher url = URL.matcher("");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!url.reset(Files.readString(err)).find()) {
        assertThat(login.isAlive()).as(Files.readString(err)).isTrue();
        assertThat(System.nanoTime()).isLessThan(deadline);
        Thread.sleep(50);
      }
      OkHttpClient browser = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
      try (Response page =
          browser.newCall(new Request.Builder().url(url.group(1)).build()).execute()) {
        assertThat(page.code()).isEqualTo(200);
      }
      assertThat(login.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(login.exitValue()).as(Files.readString(err)).isZero();
    } finally {
      login.destroyForcibly();
    }
    String token =
        Json.parse(new FileSecretStore(home).secret(ProtectedApi.SECRET_NAME).orElseThrow())
            .path("accessToken")
            .asString();
    JsonNode summary = Json.parse(Files.readString(out));
    assertThat(summary.path("data").path("signedIn").asBoolean()).isTrue();
    assertThat(Files.readString(out) + Files.readString(err)).doesNotContain(token);
    assertThat(Files.readString(err)).contains("To sign in to things, open this URL");

    CliProcess status = CliProcess.run(dir, List.of(), "auth", "status", "--home", home.toString());
    assertThat(status.exit()).isZero();
    JsonNode scheme =
        Json.parse(status.out()).path("data").path("sources").get(0).path("schemes").get(0);
    assertThat(scheme.path("scheme").asString()).isEqualTo("oauth");
    assertThat(scheme.path("signedIn").asBoolean()).isTrue();
    assertThat(scheme.path("flow").asString()).isEqualTo("authorizationCode");
    assertThat(scheme.path("scopes").toString()).contains("read");
    assertThat(status.out() + status.err()).doesNotContain(token);

    CliProcess logout =
        CliProcess.run(dir, List.of(), "auth", "logout", "things", "--home", home.toString());
    assertThat(logout.exit()).as(logout.err()).isZero();
    JsonNode out2 = Json.parse(logout.out()).path("data").path("schemes").get(0);
    assertThat(out2.path("revoked").asBoolean()).isTrue();
    assertThat(out2.path("deleted").asBoolean()).isTrue();
    assertThat(new FileSecretStore(home).names()).doesNotContain(ProtectedApi.SECRET_NAME);
  }

  @Test
  void twoProcessesWithAnExpiredTokenMakeOneRefreshRequest() throws Exception {
    addSource();
    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      assertThat(registry.signIn("things", null, new FollowingBrowser()).ok()).isTrue();
    }
    fixture.tokenRequests();
    ProtectedApi.expireStoredToken(home);

    Process first = start("call", "things.things.listThings", "{}");
    Process second = start("call", "things.things.listThings", "{}");
    assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).isZero();
    assertThat(second.exitValue()).isZero();

    assertThat(fixture.tokenRequests())
        .hasSize(1)
        .allSatisfy(r -> assertThat(r.getBody().readUtf8()).contains("grant_type=refresh_token"));
    assertThat(fixture.apiRequests()).hasSize(2);
  }
}
