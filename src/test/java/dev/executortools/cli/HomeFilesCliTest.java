package dev.executortools.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The home trusts nothing in it: FIFOs, devices and links planted among its files, and state files
 * cut short, are reported (a problem entry or {@code store_failed} naming the file) by every
 * command within seconds, while the good sources keep working and nothing stored changes.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class HomeFilesCliTest {
  private static final Duration HANG_GUARD = Duration.ofSeconds(10);
  private static final String SECRET = "s3cr3t-value-never-shown";

  @TempDir Path home;
  @TempDir Path elsewhere;
  private WireMockServer upstream;
  private CliRunner cli;

  @BeforeEach
  void start() {
    upstream = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    upstream.start();
    upstream.stubFor(
        get(urlPathEqualTo("/items"))
            .willReturn(
                aResponse().withHeader("Content-Type", "application/json").withBody("[\"a\"]")));
    cli = new CliRunner(home);
    add(cli, "items", null);
  }

  /**
   * Opens every FIFO under the home for reading and writing (which never blocks), so a command that
   * hung on one (the failure these tests look for) ends and the next test can run.
   */
  @AfterEach
  void stop() throws IOException {
    upstream.stop();
    try (var paths = Files.walk(home)) {
      for (Path path : paths.toList()) {
        if (Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
            .isOther()) {
          FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE).close();
        }
      }
    }
  }

  private void add(CliRunner runner, String namespace, String secretId) {
    ObjectNode args =
        Json.object()
            .put("spec", Corpus.resource("/specs/items-v1.yaml"))
            .put("namespace", namespace)
            .put("baseUrl", upstream.baseUrl())
            .put("replace", true);
    if (secretId != null) {
      args.putObject("headers")
          .putObject("Authorization")
          .put("secretId", secretId)
          .put("prefix", "Bearer ");
    }
    CliRunner.Run added = runner.run(Json.write(args), "call", "--yes", "openapi.addSource", "-");
    assertThat(added.exit()).as(added.all()).isZero();
  }

  /** Runs a command, failing the test if it does not answer within {@link #HANG_GUARD}. */
  private CliRunner.Run run(String stdin, String... args) {
    return assertTimeoutPreemptively(
        HANG_GUARD, () -> cli.run(stdin, args), () -> String.join(" ", args) + " hangs");
  }

  private static void mkfifo(Path path) throws Exception {
    Process process = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    assertThat(process.waitFor()).isZero();
  }

  /** Every file under the home (a FIFO's or link's entry named, never opened) with its bytes. */
  private Map<String, String> regularFiles() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (var paths = Files.walk(home)) {
      for (Path path : paths.toList()) {
        if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
          files.put(home.relativize(path).toString(), Arrays.toString(Files.readAllBytes(path)));
        }
      }
    }
    return files;
  }

  private static List<String> ids(CliRunner.Run run) {
    List<String> ids = new ArrayList<>();
    run.data().forEach(tool -> ids.add(tool.path("id").asString()));
    return ids;
  }

  private void assertGoodSourceWorks() {
    CliRunner.Run listed = run("", "tools", "list");
    assertThat(listed.exit()).as(listed.all()).isZero();
    assertThat(ids(listed)).contains("items.items.listItems");
    CliRunner.Run found = run("", "tools", "search", "list items");
    assertThat(found.exit()).as(found.all()).isZero();
    assertThat(ids(found)).contains("items.items.listItems");
    CliRunner.Run called = run("", "call", "items.items.listItems", "{}");
    assertThat(called.exit()).as(called.all()).isZero();
    assertThat(called.data().toString()).isEqualTo("[\"a\"]");
  }

  @Test
  void aFifoADeviceLinkAndALinkOutOfTheHomeAmongTheSourcesAreReportedNeverFollowed()
      throws Exception {
    CliRunner other = new CliRunner(elsewhere);
    add(other, "outside", null);
    Path sources = home.resolve("sources");
    mkfifo(sources.resolve("fifo.json"));
    Files.createSymbolicLink(sources.resolve("zero.json"), Path.of("/dev/zero"));
    Files.createSymbolicLink(
        sources.resolve("outside.json"), elsewhere.resolve("sources/outside.json"));
    Map<String, String> before = regularFiles();

    CliRunner.Run listed = run("", "sources", "list");
    assertThat(listed.exit()).as(listed.all()).isZero();
    assertThat(listed.data().path("sources"))
        .extracting(s -> s.path("sourceId").asString())
        .containsExactly("items");
    Map<String, JsonNode> problems = new TreeMap<>();
    listed.data().path("problems").forEach(p -> problems.put(p.path("sourceId").asString(), p));
    assertThat(problems).containsOnlyKeys("fifo", "zero", "outside");
    assertThat(problems.get("fifo").path("message").asString())
        .contains("FIFO", "not a regular file");
    assertThat(problems.get("zero").path("message").asString()).contains("symbolic link");
    assertThat(problems.get("outside").path("message").asString()).contains("symbolic link");
    problems.forEach(
        (id, p) ->
            assertThat(p.path("file").asString())
                .isEqualTo(sources.resolve(id + ".json").toString()));

    assertGoodSourceWorks();
    assertThat(ids(run("", "tools", "list"))).noneMatch(id -> id.startsWith("outside."));
    CliRunner.Run linked = run("", "call", "outside.items.listItems", "{}");
    assertThat(linked.errorCode()).isEqualTo("store_failed");
    assertThat(linked.json().path("error").path("details").path("file").asString())
        .isEqualTo(sources.resolve("outside.json").toString());
    assertThat(run("", "call", "fifo.items.listItems", "{}").errorCode()).isEqualTo("store_failed");
    assertThat(run("", "secrets", "list").exit()).isZero();
    assertThat(regularFiles()).isEqualTo(before);

    // removing one is allowed whatever it is, and removes the entry, never what a link names
    assertThat(run("", "sources", "remove", "outside").exit()).isZero();
    assertThat(other.run("", "sources", "list").data().path("sources")).hasSize(1);
  }

  @Test
  void aSourceWrittenOverALinkReplacesTheLinkNotWhatItNames() throws Exception {
    CliRunner other = new CliRunner(elsewhere);
    add(other, "outside", null);
    Path target = elsewhere.resolve("sources/outside.json");
    byte[] outside = Files.readAllBytes(target);
    Path link = home.resolve("sources/outside.json");
    Files.createSymbolicLink(link, target);

    add(cli, "outside", null); // replace: true

    assertThat(Files.isSymbolicLink(link)).isFalse();
    assertThat(Files.readAllBytes(target)).isEqualTo(outside);
    assertThat(run("", "sources", "list").data().path("sources")).hasSize(2);
  }

  @Test
  void aSourcesDirectoryThatIsALinkIsNeitherReadNorWrittenNorDeletedFrom() throws Exception {
    CliRunner other = new CliRunner(elsewhere);
    add(other, "outside", null);
    Path sources = home.resolve("sources");
    Files.move(sources, home.resolve("moved"));
    Files.createSymbolicLink(sources, elsewhere.resolve("sources"));

    CliRunner.Run listed = run("", "sources", "list");
    assertThat(listed.errorCode()).as(listed.all()).isEqualTo("store_failed");
    assertThat(listed.json().path("error").path("message").asString())
        .contains(sources.toString(), "symbolic link");
    assertThat(run("", "sources", "remove", "outside").errorCode()).isEqualTo("store_failed");
    assertThat(ids(run("", "tools", "list"))).noneMatch(id -> id.startsWith("outside."));
    assertThat(other.run("", "sources", "list").data().path("sources")).hasSize(1);
  }

  @Test
  void aTruncatedSecretsFileIsStoreFailedNamingItAndNeverShowsAValue() throws Exception {
    add(cli, "keyed", "token");
    assertThat(run(SECRET, "secrets", "set", "token").exit()).isZero();
    Path secrets = home.resolve("secrets.json");
    byte[] whole = Files.readAllBytes(secrets);
    Files.write(secrets, Arrays.copyOf(whole, whole.length - 4));
    assertSecretsFileReported(secrets);
    assertThat(Files.readAllBytes(secrets)).isEqualTo(Arrays.copyOf(whole, whole.length - 4));
  }

  @Test
  void aFifoSecretsFileIsStoreFailedNamingIt() throws Exception {
    add(cli, "keyed", "token");
    mkfifo(home.resolve("secrets.json"));
    assertSecretsFileReported(home.resolve("secrets.json"));
  }

  @Test
  void aSecretsFileLinkedOutOfTheHomeIsNeitherReadNorWrittenThrough() throws Exception {
    add(cli, "keyed", "token");
    Path outside = elsewhere.resolve("secrets.json");
    Files.writeString(outside, "{\"formatVersion\":1,\"secrets\":{\"token\":\"" + SECRET + "\"}}");
    Files.createSymbolicLink(home.resolve("secrets.json"), outside);
    assertSecretsFileReported(home.resolve("secrets.json"));
    assertThat(run("other", "secrets", "set", "more").errorCode()).isEqualTo("store_failed");
    assertThat(Files.readString(outside)).doesNotContain("more");
  }

  private void assertSecretsFileReported(Path secrets) {
    CliRunner.Run names = run("", "secrets", "list");
    assertThat(names.errorCode()).as(names.all()).isEqualTo("store_failed");
    assertThat(names.json().path("error").path("message").asString()).contains(secrets.toString());
    CliRunner.Run keyed = run("", "call", "keyed.items.listItems", "{}");
    assertThat(keyed.errorCode()).as(keyed.all()).isEqualTo("store_failed");
    assertThat(keyed.json().path("error").path("message").asString()).contains(secrets.toString());
    assertThat(keyed.json().path("error").path("details").path("file").asString())
        .isEqualTo(secrets.toString());
    assertThat(names.all() + keyed.all()).doesNotContain(SECRET);
    assertThat(run("", "sources", "list").data().path("sources")).hasSize(2);
    assertGoodSourceWorks();
  }

  @Test
  void aFifoPoliciesFileStopsCallsWithStoreFailedButNeverHangs() throws Exception {
    Path policies = home.resolve("policies.json");
    mkfifo(policies);
    CliRunner.Run listed = run("", "policies", "list");
    assertThat(listed.errorCode()).as(listed.all()).isEqualTo("store_failed");
    assertThat(listed.json().path("error").path("message").asString())
        .contains(policies.toString());
    CliRunner.Run called = run("", "call", "items.items.listItems", "{}");
    assertThat(called.errorCode()).isEqualTo("store_failed");
    assertThat(called.json().path("error").path("details").path("file").asString())
        .isEqualTo(policies.toString());
    assertThat(ids(run("", "tools", "list"))).contains("items.items.listItems");
    assertThat(run("", "tools", "search", "items").exit()).isZero();
    assertThat(run("", "sources", "list").data().path("sources")).hasSize(1);
    assertThat(run("", "secrets", "list").exit()).isZero();
  }

  @Test
  void aFifoSettingsFileLeavesPrivateAddressesRefusedAndNeverHangs() throws Exception {
    mkfifo(home.resolve("settings.json"));
    assertGoodSourceWorks();
    assertThat(run("", "sources", "list").data().path("sources")).hasSize(1);
    CliRunner.Run preview =
        run(
            Json.write(Json.object().put("spec", upstream.baseUrl() + "/spec.yaml")),
            "call",
            "openapi.previewSpec",
            "-");
    assertThat(preview.errorCode()).as(preview.all()).isEqualTo("blocked_address");
  }

  @Test
  void aFifoLockFileFailsWritesWithStoreFailedButNeverHangs() throws Exception {
    Path lock = home.resolve(".lock");
    Files.delete(lock);
    mkfifo(lock);
    CliRunner.Run set = run("value", "secrets", "set", "token");
    assertThat(set.errorCode()).as(set.all()).isEqualTo("store_failed");
    assertThat(set.json().path("error").path("message").asString()).contains(lock.toString());
    assertThat(run("", "sources", "remove", "items").errorCode()).isEqualTo("store_failed");
    assertGoodSourceWorks();
  }
}
