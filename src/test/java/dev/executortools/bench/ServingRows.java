package dev.executortools.bench;

import static dev.executortools.bench.ScaleBenchmark.ms;

import dev.executortools.internal.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The rows of {@link ScaleBenchmark} that serve the five-source home: search and MCP at 512 MB. */
final class ServingRows {
  /**
   * The graph tools that send an email: a "send mail" search is right when one of them comes first.
   */
  private static final Pattern SENDS_MAIL =
      Pattern.compile(
          "graph(_beta)?\\.(me|users)Actions\\.(me|usersUser)(SendMail|MessagesMessageSend)");

  private ServingRows() {}

  /**
   * {@code tools search "send mail"} in a new process at -Xmx512m, against the floor of reading the
   * store.
   */
  static ScaleBenchmark.Row search(String java, Path jar, Path home, double readFloor)
      throws Exception {
    Captured run = Captured.run(cli(java, jar, home, "tools", "search", "send mail"));
    String top =
        run.exit() == 0
            ? Json.parse(run.stdout()).path("data").path(0).path("id").asString("")
            : "";
    return new ScaleBenchmark.Row(
        "search_512m",
        run.ms(),
        readFloor,
        null,
        "whole process: java -Xmx512m -jar tools search \"send mail\" of the five-source home (each source's"
            + " stored search index read; on a home written before, the first search builds them by"
            + " streaming every stored tool): exit "
            + run.exit()
            + ", top hit "
            + top
            + (SENDS_MAIL.matcher(top).matches() ? " (right: it sends an email)" : " (WRONG)")
            + "; baseline: a JVM reading the same stored files with Jackson (every token)");
  }

  /** {@code java -Xmx512m -jar JAR --home HOME ARGS...}. */
  static List<String> cli(String java, Path jar, Path home, String... args) {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(java, "-Xmx512m", "-jar", jar.toString(), "--home", home.toString()));
    command.addAll(List.of(args));
    return command;
  }

  /** The {@link McpProbe} sessions in search mode (with a search) and in all mode. */
  static ScaleBenchmark.Row mcp(JsonNode search, JsonNode all) {
    String top = search.path("top").asString("");
    return new ScaleBenchmark.Row(
        "mcp_list_512m",
        search.path("ms").asDouble(),
        null,
        null,
        "whole process: java -Xmx512m -jar mcp over stdio, five-source home. --tools search: initialize, tools/list ("
            + search.path("tools").asInt()
            + " tools, "
            + search.path("pages").asInt()
            + " page, "
            + (search.path("complete").asBoolean() ? "complete" : "INCOMPLETE")
            + "), search_tools \"send mail\" (top "
            + top
            + (SENDS_MAIL.matcher(top).matches() ? ", right" : ", WRONG")
            + ", index built then), exit "
            + search.path("exit").asInt()
            + ". --tools all: initialize, tools/list ("
            + all.path("tools").asInt()
            + " tools in "
            + all.path("pages").asInt()
            + " pages read from the store, "
            + (all.path("complete").asBoolean()
                ? "complete"
                : "INCOMPLETE: " + all.path("error").asString(""))
            + ") in "
            + ms(all.path("ms"))
            + " ms, exit "
            + all.path("exit").asInt());
  }
}
