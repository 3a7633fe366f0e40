package dev.executortools.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.executortools.ToolRegistry;
import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The README's examples, read from README.md itself and run as written.
 *
 * <p>Every {@code sh} block runs, in order, in one real bash (see {@link ShellWithCli}): each
 * {@code java -jar ...executor-tools.jar ARGS} in it is executed by {@link Main#run} in this JVM on
 * one temporary home, everything else (quoting, pipes, {@code jq}, {@code $(mktemp -d)}, redirects)
 * by bash, in a temporary directory holding links to {@code src/} and {@code specs/}. Every command
 * must succeed, and each {@code java -jar} line must have reached the CLI; variables set in one
 * block (as {@code jar=...}) hold in the next, as in one terminal. Network addresses a test cannot
 * reach are replaced by loopback stand-ins ({@link #STAND_INS}, and {@link #FILE_STAND_INS} for a
 * spec file whose server is one) and nothing else is changed. A block preceded by {@code <!-- not
 * run: reason -->} is skipped and reported with its reason.
 *
 * <p>Every {@code java} block is compiled as the body of a {@code main} method and run in a new JVM
 * (see {@link JavaSnippet}).
 */
@Timeout(150)
class ReadmeExampleTest {
  private static final Path README = Path.of("README.md");
  private static final String TOKEN = "ghp_readme-test-token-not-a-real-one";

  /** README URLs → what a loopback server answers in their place (classpath resources). */
  static final Map<String, String> STAND_INS =
      Map.of(
          // the Swagger petstore: a small OpenAPI 3 document of ours in its place
          "https://petstore3.swagger.io/api/v3/openapi.json",
          "/specs/items-v1.yaml",
          // GitHub's REST description: the corpus copy (its policy example names
          // github.repos.delete)
          "https://raw.githubusercontent.com/github/rest-api-description/main/descriptions/api.github.com/api.github.com.json",
          "/corpus/github.com__api.github.com__1.1.4.openapi.yaml");

  /**
   * Files the README names → the one URL in them that a test cannot reach → the path a loopback
   * server answers on in its place; the block runs with a copy of the file so changed.
   */
  static final Map<String, Map.Entry<String, String>> FILE_STAND_INS =
      Map.of(
          // httpbin's spec sends calls to https://httpbin.org; its copy, to the loopback server's
          // /get
          "src/test/resources/corpus/httpbin.org__0.9.2.openapi.yaml",
          Map.entry("https://httpbin.org", ""));

  @RegisterExtension
  static final WireMockExtension upstream =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @TempDir Path dir;
  private ShellWithCli shell;

  @AfterEach
  void stopShell() throws Exception {
    if (shell != null) shell.close();
  }

  @TestFactory
  Stream<DynamicTest> everyShellExampleRunsAsWritten() throws Exception {
    List<ReadmeBlocks.Block> blocks =
        ReadmeBlocks.read(README).stream().filter(b -> b.language().equals("sh")).toList();
    assertThat(blocks.stream().filter(b -> b.notRun() == null))
        .as("sh blocks to run")
        .hasSizeGreaterThanOrEqualTo(3);
    Path work = Files.createDirectories(dir.resolve("work"));
    Path home = dir.resolve("home");
    Path project = Path.of("").toAbsolutePath();
    for (String linked : List.of("src", "specs"))
      Files.createSymbolicLink(work.resolve(linked), project.resolve(linked));
    shell = new ShellWithCli(work, home);
    Map<String, String> replacements = new java.util.LinkedHashMap<>();
    STAND_INS.forEach(
        (url, resource) -> {
          String path = "/stand-in" + resource;
          upstream.stubFor(
              get(urlEqualTo(path)).willReturn(aResponse().withBody(Corpus.resource(resource))));
          replacements.put(url, "http://127.0.0.1:" + upstream.getPort() + path);
        });
    upstream.stubFor(
        get(urlEqualTo("/get"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"url\": \"stand-in for https://httpbin.org/get\"}")));
    for (Map.Entry<String, Map.Entry<String, String>> file : FILE_STAND_INS.entrySet()) {
      String text = Files.readString(project.resolve(file.getKey()));
      assertThat(text).as(file.getKey()).contains(file.getValue().getKey());
      Path copy =
          Files.writeString(
              dir.resolve(Path.of(file.getKey()).getFileName()),
              text.replace(
                  file.getValue().getKey(),
                  "http://127.0.0.1:" + upstream.getPort() + file.getValue().getValue()));
      replacements.put(file.getKey(), copy.toString());
    }
    Map<String, String> env = Map.of("GITHUB_TOKEN", TOKEN, "EXECUTOR_TOOLS_HOME", home.toString());

    List<DynamicTest> tests = new ArrayList<>();
    for (ReadmeBlocks.Block block : blocks) {
      tests.add(
          DynamicTest.dynamicTest(
              block.toString(),
              () -> {
                if (block.notRun() != null) {
                  System.out.println(block + " not run: " + block.notRun());
                  return;
                }
                String script = block.text();
                for (Map.Entry<String, String> r : replacements.entrySet())
                  script = script.replace(r.getKey(), r.getValue());
                int before = shell.calls().size();
                Path log = dir.resolve("block-" + block.line() + ".log");
                int exit = shell.run(script, env, log, 120);
                List<ShellWithCli.Call> calls = shell.calls().subList(before, shell.calls().size());
                String report =
                    block
                        + "\n"
                        + script
                        + "\n--- bash output:\n"
                        + Files.readString(log)
                        + "\n--- CLI calls:\n"
                        + calls;
                assertThat(exit).as(report).isZero();
                assertThat(calls)
                    .as(report)
                    .hasSize((int) ReadmeBlocks.javaJarCommands(block.text()));
                assertThat(calls)
                    .as("no secret in any output")
                    .noneMatch(c -> (c.out() + c.err()).contains(TOKEN));
              }));
    }
    tests.add(
        DynamicTest.dynamicTest(
            "a manifest regenerated as the README says equals tools-manifest.json",
            () -> {
              Path regenerated = work.resolve("tools-manifest.json");
              if (!Files.exists(regenerated)) return; // the README no longer regenerates it
              assertThat(Files.readString(regenerated))
                  .isEqualTo(Files.readString(project.resolve("tools-manifest.json")));
            }));
    return tests.stream();
  }

  @Test
  void everyJavaExampleCompilesAndRunsAsWritten() throws Exception {
    List<ReadmeBlocks.Block> blocks =
        ReadmeBlocks.read(README).stream().filter(b -> b.language().equals("java")).toList();
    assertThat(blocks).as("java blocks").isNotEmpty();
    Path spec =
        Files.writeString(dir.resolve("items.yaml"), Corpus.resource("/specs/items-v1.yaml"));
    for (ReadmeBlocks.Block block : blocks) {
      if (block.notRun() != null) continue;
      Path classes = Files.createDirectories(dir.resolve("classes-" + block.line()));
      Path work = Files.createDirectories(dir.resolve("work-" + block.line()));
      String source = JavaSnippet.source(block.text());
      assertThat(JavaSnippet.compile(source, classes))
          .as("%s compiles:\n%s", block, source)
          .isNull();

      JavaSnippet.Result run = JavaSnippet.run(classes, work, spec);

      assertThat(run.exit()).as("%s:\n%s", block, run.output()).isZero();
      List<JsonNode> results =
          run.output().lines().filter(l -> l.startsWith("{\"ok\"")).map(Json::parse).toList();
      assertThat(results)
          .as("%s printed its results:\n%s", block, run.output())
          .isNotEmpty()
          .allSatisfy(
              result -> assertThat(result.path("ok").asBoolean()).as("%s", result).isTrue());
      if (block.text().contains(".home(Path.of(\".executor-tools\"))")) {
        try (ToolRegistry reopened =
            ToolRegistry.builder().home(work.resolve(".executor-tools")).build()) {
          assertThat(reopened.sources())
              .as("the source the example added, on disk in its home")
              .hasSize(1);
        }
      }
    }
  }
}
