package dev.executortools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.internal.Json;
import dev.executortools.mcp.http.HttpOptions;
import dev.executortools.mcp.http.StreamableHttpTransportProvider;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/**
 * The README's MCP host configurations: each starts {@code java -jar .../executor-tools.jar mcp
 * ...} with arguments this command line accepts (McpServerIT runs that command for real).
 */
class McpReadmeConfigTest {
  private static String section() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("## MCP server");
    return readme.substring(start, readme.indexOf("\n## ", start + 1));
  }

  private static List<String> blocks(String section, String language) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(section);
    while (m.find()) out.add(m.group(1));
    return out;
  }

  private static CommandLine.ParseResult assertStartsTheServer(List<String> command) {
    assertThat(command.get(0)).isEqualTo("java");
    assertThat(command.get(1)).isEqualTo("-jar");
    assertThat(command.get(2)).endsWith("/executor-tools.jar");
    List<String> args = command.subList(3, command.size());
    assertThat(args).contains("mcp");
    CommandLine.ParseResult parsed =
        Main.commandLine(System.getenv(), Terminal.NONE).parseArgs(args.toArray(String[]::new));
    assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("mcp");
    return parsed;
  }

  @Test
  void claudeDesktopAndCursorConfigsStartTheServer() throws Exception {
    List<String> json = blocks(section(), "json");
    assertThat(json).hasSize(2);
    for (String config : json) {
      JsonNode server = Json.parse(config).path("mcpServers").path("executor-tools");
      List<String> command = new ArrayList<>(List.of(server.path("command").asString()));
      server.path("args").forEach(a -> command.add(a.asString()));
      assertStartsTheServer(command);
    }
  }

  @Test
  void theClaudeCodeCommandsStartTheServerAndKeepPrefixedNamesWithinSixtyFour() throws Exception {
    List<String> lines = new ArrayList<>();
    for (String block : blocks(section(), "sh")) {
      block
          .lines()
          .map(String::strip)
          .filter(l -> l.startsWith("claude mcp add ") && l.contains(" -- "))
          .forEach(lines::add);
    }
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("claude mcp add executor-tools -- ");
    for (String line : lines) {
      String server = line.substring("claude mcp add ".length(), line.indexOf(" -- "));
      List<String> command = List.of(line.substring(line.indexOf(" -- ") + 4).split(" "));
      assertStartsTheServer(command);
      int limit =
          command.contains("--max-name-length")
              ? Integer.parseInt(command.get(command.indexOf("--max-name-length") + 1))
              : 64;
      if (line != lines.get(0)) {
        assertThat(("mcp__" + server + "__").length() + limit).as(line).isLessThanOrEqualTo(64);
      }
    }
  }

  @Test
  void aLongestNameOutsideSixteenToSixtyFourIsAUsageError(
      @org.junit.jupiter.api.io.TempDir Path home) {
    CliRunner.Run run = new CliRunner(home).run("", "mcp", "--max-name-length", "8");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.json().path("error").path("code").asString()).isEqualTo("invalid_usage");
    assertThat(run.json().path("error").path("message").asString())
        .contains("--max-name-length")
        .contains("16 to 64");
  }

  @Test
  @Timeout(60)
  void theHttpCommandsParseAndTheClientReachesTheFirst() throws Exception {
    String block =
        blocks(section(), "sh").stream()
            .filter(b -> b.contains("--http"))
            .findFirst()
            .orElseThrow();
    List<McpCommand> servers = new ArrayList<>();
    block
        .lines()
        .filter(l -> l.startsWith("java -jar "))
        .forEach(
            line -> {
              List<String> command = List.of(line.replaceAll("\\s+#.*$", "").split(" "));
              servers.add(
                  (McpCommand)
                      assertStartsTheServer(command).subcommand().commandSpec().userObject());
            });
    assertThat(servers).hasSize(2);
    assertThat(HttpOptions.address(servers.get(0).http))
        .isEqualTo(new InetSocketAddress("127.0.0.1", 8080));
    assertThat(block)
        .contains(
            "claude mcp add --transport http executor-tools http://127.0.0.1:8080"
                + StreamableHttpTransportProvider.ENDPOINT
                + " ");

    // the one on 0.0.0.0 reads its token from a file, as it must
    McpCommand open = servers.get(1);
    assertThat(HttpOptions.address(open.http).getAddress().isAnyLocalAddress()).isTrue();
    assertThat(open.tokenFile).isNotNull();
    assertThat(Main.run(Map.of(), Terminal.NONE, "mcp", "--http", open.http))
        .as("without it: a usage error")
        .isEqualTo(2);
  }
}
