package dev.executortools.mcp;

import dev.executortools.ErrorCode;
import dev.executortools.ToolResult;
import dev.executortools.home.PrivateFiles;
import dev.executortools.home.StoreException;
import dev.executortools.internal.Json;
import dev.executortools.result.JsonSelection;
import dev.executortools.result.ResultShaper;
import dev.executortools.result.Shaped;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code read_result}: the rest of a result that was {@linkplain ResultShaping shaped} to fit an
 * answer, from the {@linkplain KeptResults kept} full result: a page of its longest array, a
 * JSONPath selection (itself shaped to the budget), or its data (or a selection) written to a file
 * under the home, {@code <home>/results/<resultId>.json}, 0600; the model never names a path.
 */
final class ReadResultTool {
  static final String NAME = "read_result";

  /** The largest file a selection may write (the full data of a kept result is always smaller). */
  static final long MAX_FILE_CHARS = 256L << 20;

  private static final ObjectNode SCHEMA =
      (ObjectNode)
          Json.parse(
              """
      {"type": "object", "additionalProperties": false, "required": ["resultId"], "properties": {
        "resultId": {"type": "string", "maxLength": 100, "description": "shaped.resultId of a result that was too large to answer whole."},
        "page": {"type": "integer", "minimum": 1, "description": "A page of the array in shaped.pages (page 1 is what the result showed)."},
        "select": {"type": "string", "minLength": 1, "maxLength": 1000, "description": "A JSONPath on the full result {ok, data, http}, e.g. $.data[0:50].name or $.data[?(@.state == 'open')].id (no =~)."},
        "saveToFile": {"type": "boolean", "description": "Write the result's data (or the selection) to a file and answer its path."}}}""");

  private final ResultShaping shaping;

  ReadResultTool(ResultShaping shaping) {
    this.shaping = shaping;
  }

  SyncToolSpecification specification() {
    ResultBudget budget = shaping.budget();
    String description =
        "Read the rest of a result that was too large for one answer (it has shaped.resultId):"
            + " a page, a JSONPath selection, or the data saved to a file. The latest "
            + budget.keptResults()
            + " such results are kept while this server runs.";
    return DiscoveryTools.answering(
        NAME,
        description,
        SCHEMA,
        true,
        (exchange, args) ->
            shaping.answerAbout(
                read(args, exchange.sessionId()), args.path("resultId").asString()));
  }

  /** What {@code args} ask of a result kept for {@code session}. */
  ToolResult read(JsonNode args, String session) {
    String id = args.path("resultId").asString();
    Optional<KeptResults.Kept> kept = shaping.kept().get(id, session);
    if (kept.isEmpty()) return gone(id);
    boolean save = args.path("saveToFile").asBoolean(false);
    String select = Json.text(args, "select");
    boolean page = args.has("page");
    if (page && (select != null || save)) {
      return invalid(
          "give page alone; to page a selection, use a slice in select (e.g. $.data[100:200])");
    }
    if (!page && select == null && !save) return invalid("give page, select or saveToFile");
    JsonNode full = Json.MAPPER.readTree(kept.get().json());
    if (page) return page(kept.get(), full, args.path("page").asInt());
    JsonNode chosen;
    if (select != null) {
      try {
        chosen = JsonSelection.select(full, select);
      } catch (JsonSelection.SelectionException e) {
        return invalid("select: " + e.getMessage());
      }
    } else {
      chosen = full.path("ok").asBoolean() ? full.get("data") : full;
    }
    return save ? save(id, select, chosen) : ToolResult.success(chosen);
  }

  private ToolResult page(KeptResults.Kept kept, JsonNode full, int number) {
    Shaped.Pages pages = kept.pages();
    if (pages == null)
      return invalid("result " + kept.id() + " has no pages (no array was cut); use select");
    if (number > pages.count()) {
      return invalid("result " + kept.id() + " has " + pages.count() + " pages of " + pages.path());
    }
    JsonNode array = full.at(pages.pointer());
    int from = (number - 1) * pages.pageSize();
    int to = (int) Math.min(pages.total(), (long) from + pages.pageSize());
    ArrayNode items = Json.array();
    for (int i = from; i < to; i++) items.add(array.get(i));
    ObjectNode data =
        Json.object()
            .put("resultId", kept.id())
            .put("path", pages.path())
            .put("page", number)
            .put("pages", pages.count())
            .put("from", from)
            .put("to", to - 1)
            .put("total", pages.total());
    data.set("items", items);
    return ToolResult.success(data);
  }

  private ToolResult save(String id, String select, JsonNode chosen) {
    Path dir = shaping.budget().resultsDir();
    if (dir == null)
      return ToolResult.failure(
          ErrorCode.STORE_FAILED, "this server has no home to write files to");
    long size = ResultShaper.sizeUpTo(chosen, MAX_FILE_CHARS);
    if (size > MAX_FILE_CHARS) {
      return invalid(
          "the selection is larger than " + (MAX_FILE_CHARS >> 20) + " MiB; select less");
    }
    Path file =
        dir.resolve(select == null ? id + ".json" : id + "-" + digest(select) + ".json")
            .toAbsolutePath();
    try {
      PrivateFiles.writeAtomically(file, out -> Json.MAPPER.writeValue(out, chosen));
    } catch (StoreException e) {
      return ToolResult.failure(ErrorCode.STORE_FAILED, e.getMessage());
    }
    ObjectNode data =
        Json.object()
            .put("resultId", id)
            .put("path", file.toString())
            .put("saved", select == null ? "data" : "selection");
    if (select != null) data.put("select", select);
    return ToolResult.success(data);
  }

  private ToolResult gone(String id) {
    KeptResults kept = shaping.kept();
    String shown = id.length() > 100 ? id.substring(0, 100) + "..." : id;
    String why =
        kept.dropped(id)
            ? "was dropped to make room: only the latest "
                + kept.maxCount()
                + " shaped results (up to "
                + (kept.maxBytes() >> 20)
                + " MiB) are kept"
            : "is not one this server kept (results are kept only while it runs)";
    return invalid("result '" + shown + "' " + why + "; call the tool again to get it anew");
  }

  private static ToolResult invalid(String message) {
    return ToolResult.failure(ErrorCode.INVALID_ARGUMENTS, message);
  }

  private static String digest(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
