package dev.executortools.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.bench.McpProbe;
import dev.executortools.cli.Main;
import dev.executortools.internal.Json;
import dev.executortools.testing.ChildClasspath;
import dev.executortools.testing.CommandLineClassPath;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Search and the MCP discovery mode stream a stored source instead of loading it: a home whose one
 * source holds far more text than a small heap, searched and served in a JVM with that heap, next
 * to the proof that the same heap cannot hold the source's tools at once.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LargeSourceSearchTest {
  /** Holds the registry and one tool at a time, not the source (its spec text alone is 40 MB). */
  private static final String SMALL_HEAP = "-Xmx48m";

  /** Maven repository folders ({@code .../org/springframework/...}) of those jars. */
  private static final Pattern TEST_SERVER_JARS =
      Pattern.compile("[/\\\\](org.springframework|org.apache.tomcat|io.micrometer)[/\\\\]");

  @TempDir static Path home;
  private static String sendMail;

  @BeforeAll
  static void addALargeSource(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("many.json");
    ManyToolSpec.write(spec, 2_000, 20_000);
    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      ToolResult added = registry.addSource(spec, Json.object().put("namespace", "many"));
      assertThat(added.ok()).as(added.toString()).isTrue();
      sendMail = registry.search("send mail", 1).get(0).id();
    }
    assertThat(sendMail).isEqualTo("many.mail.sendMail");
  }

  @Test
  void theSmallHeapCannotHoldEveryToolOfTheSource() throws Exception {
    Child run = child(List.of(LoadEveryTool.class.getName(), home.toString()));

    assertThat(run.exit()).as(run.stderr()).isZero();
    JsonNode held = Json.parse(run.stdout());
    assertThat(held.path("tools").asInt()).isLessThan(2_000);
    assertThat(held.path("problems").path(0).asString()).contains("OutOfMemoryError");
  }

  @Test
  void toolsSearchFindsTheToolInTheSmallHeap() throws Exception {
    Child run =
        child(
            List.of(
                Main.class.getName(), "--home", home.toString(), "tools", "search", "send mail"));

    assertThat(run.exit()).as(run.stderr()).isZero();
    JsonNode hits = Json.parse(run.stdout()).path("data");
    assertThat(hits.path(0).path("id").asString()).isEqualTo(sendMail);
  }

  @Test
  void anUnknownIdIsAnsweredWithSuggestionsInTheSmallHeap() throws Exception {
    Child run =
        child(
            List.of(
                Main.class.getName(),
                "--home",
                home.toString(),
                "call",
                "many.mail.sendMale",
                "{}"));

    assertThat(run.exit()).as(run.stderr()).isEqualTo(1);
    JsonNode error = Json.parse(run.stdout()).path("error");
    assertThat(error.path("code").asString()).isEqualTo("unknown_tool");
    assertThat(error.path("details").path("suggestions").path(0).asString()).isEqualTo(sendMail);
  }

  @Test
  void mcpSearchModeListsAndSearchesInTheSmallHeap() throws Exception {
    JsonNode session =
        McpProbe.run(
            command(
                List.of(
                    Main.class.getName(), "--home", home.toString(), "mcp", "--tools", "search")),
            "send mail");

    assertThat(session.path("error").isMissingNode()).as(session.toString()).isTrue();
    assertThat(session.path("complete").asBoolean()).isTrue();
    assertThat(session.path("tools").asInt()).isLessThan(20);
    assertThat(session.path("top").asString()).as(session.toString()).isEqualTo(sendMail);
    assertThat(session.path("exit").asInt()).isZero();
  }

  private record Child(int exit, String stdout, String stderr) {}

  private static List<String> command(List<String> mainAndArgs) {
    List<String> command =
        new ArrayList<>(
            List.of(
                McpProbe.java(),
                SMALL_HEAP,
                "-XX:+UseSerialGC",
                "-cp",
                withoutTestAuthorizationServer(ChildClasspath.withoutTestOnlyAwsSdk())));
    command.addAll(mainAndArgs);
    return command;
  }

  /**
   * The test class path less the jars of the Spring Authorization Server that {@code
   * testing.DeviceGrantServer} runs (Spring, Tomcat, Micrometer): the child stands for the runnable
   * jar's JVM, which holds none of them, and every jar that a class or service lookup opens keeps
   * its central directory on the heap, more than the small heap leaves spare.
   */
  private static String withoutTestAuthorizationServer(String classPath) {
    java.util.Set<String> commandLine =
        java.util.Set.of(CommandLineClassPath.get().split(File.pathSeparator));
    return Arrays.stream(classPath.split(File.pathSeparator))
        .filter(commandLine::contains)
        .filter(entry -> !TEST_SERVER_JARS.matcher(entry).find())
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static Child child(List<String> mainAndArgs) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command(mainAndArgs))
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    process.getOutputStream().close();
    var err = new java.util.concurrent.CompletableFuture<String>();
    Thread drain =
        new Thread(
            () -> {
              try {
                err.complete(
                    new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
              } catch (IOException e) {
                err.complete("");
              }
            });
    drain.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(2, TimeUnit.MINUTES)) process.destroyForcibly();
    drain.join();
    return new Child(process.exitValue(), out, err.join());
  }
}
