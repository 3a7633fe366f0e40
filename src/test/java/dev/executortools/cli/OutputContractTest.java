package dev.executortools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;

/**
 * Every command, in success and in failure, prints exactly one JSON document that validates against
 * the envelope schema the tests hold ({@code src/test/resources/cli/envelope.schema.json}), with
 * exit 0 for ok, 1 for a failure and 2 for invalid_usage. A command added to the command line fails
 * this test until it is exercised here.
 */
class OutputContractTest {
  /** Print usage text by design, like --help and --version. */
  private static final Set<String> TEXT_COMMANDS = Set.of("help", "mcp");

  private static final Schema ENVELOPE =
      SchemaRegistry.withDialect(Dialects.getDraft202012())
          .getSchema(Json.parse(Corpus.resource("/cli/envelope.schema.json")));

  @TempDir Path home;
  private CliRunner cli;
  private final Set<String> covered = new TreeSet<>();
  private final List<String> problems = new ArrayList<>();

  @BeforeEach
  void addASource() {
    cli = new CliRunner(home);
    String args =
        Json.write(
            Json.object()
                .put("spec", Corpus.resource("/specs/items-v1.yaml"))
                .put("namespace", "items")
                .put("baseUrl", "http://127.0.0.1:9"));
    assertThat(cli.run(args, "call", "--yes", "openapi.addSource", "-").exit()).isZero();
  }

  @Test
  void everyCommandPrintsOneEnvelopeWhetherItSucceedsOrFails() {
    check("tools list", true);
    check("tools list --bogus", false);
    check("tools describe items.items.listItems", true);
    check("tools describe items.items.lstItems", false);
    check("tools search list items --limit 2", true);
    check("tools search items --limit 0", false);
    check("call openapi.previewSpec {}", false);
    check("call items.items.deleteItem {\"id\":\"1\"}", false);
    check("call openapi.previewSpec {not-json", false);
    checkWithStdin(
        "{\"spec\": \"openapi: 3.0.0\\ninfo: {title: t, version: '1'}\\npaths: {}\"}",
        "call openapi.previewSpec -",
        true);
    check("sources list", true);
    check("sources refresh items", true);
    check("sources refresh nope", false);
    check("auth status", true);
    check("auth status items", true);
    check("auth status nope", false);
    check("auth login items", false);
    check("auth logout items", true);
    check("auth logout nope", false);
    check("sources remove nope", false);
    check("sources remove items", true);
    checkWithStdin("s3cret-value", "secrets set token", true);
    checkWithStdin("", "secrets set token2", false);
    check("secrets set bad/name", false);
    check("secrets list", true);
    check("secrets list extra", false);
    check("secrets remove token", true);
    check("secrets remove token", false);
    check("policies add items.* block", true);
    check("policies add items.* maybe", false);
    check("policies list", true);
    check("policies list --bogus", false);
    check("policies explain openapi.addSource", true);
    check("policies explain no.such", false);
    check("policies remove items.*", true);
    check("policies remove items.*", false);
    String cache = " --cache-dir " + home.resolve("sso-cache");
    check("sso logout" + cache, true);
    check("sso token --start-url https://example.awsapps.com/start" + cache, false);
    check("sso login --start-url https://example.awsapps.com/start --profile dev" + cache, false);
    String catalogOut = " --out " + home.resolve("catalog");
    check(
        "catalog extract --jobs 1" + catalogOut + " src/test/resources/specs/items-v1.yaml", true);
    check(
        "catalog extract --jobs 1" + catalogOut + " src/test/resources/specs/no-such-spec.yaml",
        false);
    check("frobnicate", false);

    assertThat(problems).isEmpty();
    assertThat(covered).as("leaf commands exercised here").containsAll(leafCommands());
  }

  private void check(String commandLine, boolean ok) {
    checkWithStdin("", commandLine, ok);
  }

  private void checkWithStdin(String stdin, String commandLine, boolean ok) {
    String[] args = commandLine.split(" ");
    CliRunner.Run run = cli.run(stdin, args);
    JsonNode out;
    try {
      out =
          Json.MAPPER
              .readerFor(JsonNode.class)
              .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
              .readValue(run.out());
    } catch (RuntimeException e) {
      problems.add(commandLine + ": stdout is not one JSON document: " + run.out());
      return;
    }
    ENVELOPE
        .validate(out)
        .forEach(error -> problems.add(commandLine + ": " + error + " in " + Json.write(out)));
    boolean isOk = out.path("ok").asBoolean(false);
    int expectedExit =
        isOk ? 0 : "invalid_usage".equals(out.path("error").path("code").asString("")) ? 2 : 1;
    if (isOk != ok)
      problems.add(commandLine + ": expected ok=" + ok + " but got " + Json.write(out));
    if (run.exit() != expectedExit)
      problems.add(commandLine + ": exit " + run.exit() + " for " + Json.write(out));
    covered.add(commandName(args));
  }

  /** The qualified name of the command these args run, e.g. "policies explain". */
  private static String commandName(String[] args) {
    CommandLine command = Main.commandLine(System.getenv(), Terminal.NONE);
    List<String> names = new ArrayList<>();
    for (String arg : args) {
      CommandLine sub = command.getSubcommands().get(arg);
      if (sub == null) break;
      names.add(arg);
      command = sub;
    }
    return String.join(" ", names);
  }

  private static Set<String> leafCommands() {
    Set<String> leaves = new TreeSet<>();
    collect(Main.commandLine(System.getenv(), Terminal.NONE), "", leaves);
    return leaves;
  }

  private static void collect(CommandLine command, String prefix, Set<String> leaves) {
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              String qualified = prefix.isEmpty() ? name : prefix + " " + name;
              if (sub.getSubcommands().isEmpty()) {
                if (!TEXT_COMMANDS.contains(qualified)) leaves.add(qualified);
              } else {
                collect(sub, qualified, leaves);
              }
            });
  }
}
