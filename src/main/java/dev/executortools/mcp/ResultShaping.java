package dev.executortools.mcp;

import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import dev.executortools.result.ResultShaper;
import dev.executortools.result.Shaped;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tool results as MCP answers within a {@link ResultBudget}. An answer that fits is the result as
 * it is ({@link McpToolAdapter#result}); a larger one keeps its envelope and shows a {@linkplain
 * ResultShaper shaped} part of the rest, with {@code shaped}: a note, what was left out, the array
 * to read by pages, and the {@code resultId} under which the full result is {@linkplain KeptResults
 * kept} for {@code read_result}. The text content is the same shaped JSON as {@code
 * structuredContent}, and both together fit the budget.
 */
final class ResultShaping {
  /** Characters set aside for the note on what was left out, each copy. */
  private static final long NOTE_ROOM = 2_000;

  private static final int ATTEMPTS = 6;

  private final ResultBudget budget;
  private final KeptResults kept;

  ResultShaping(ResultBudget budget) {
    this.budget = budget;
    this.kept = new KeptResults(budget.keptResults(), budget.keptBytes());
  }

  ResultBudget budget() {
    return budget;
  }

  KeptResults kept() {
    return kept;
  }

  /**
   * A tool's result: whole when it fits, else shaped, the full result kept when it can be, for
   * {@code owner}'s session only.
   */
  McpSchema.CallToolResult answer(ToolResult result, String owner) {
    ObjectNode json = result.toJson();
    McpSchema.CallToolResult whole = whole(result, json);
    if (whole != null) return whole;
    byte[] full = Json.MAPPER.writeValueAsBytes(json);
    String id = kept.fits(full.length) ? kept.newId() : null;
    Fitted fitted = fit(json, !result.ok(), full.length, id, null);
    if (id != null)
      kept.put(
          new KeptResults.Kept(
              id, owner, full, fitted.shaped() == null ? null : fitted.shaped().pages()));
    return fitted.answer();
  }

  /**
   * An answer of {@code read_result} about kept result {@code id}: shaped when too large, never
   * kept again.
   */
  McpSchema.CallToolResult answerAbout(ToolResult result, String id) {
    ObjectNode json = result.toJson();
    McpSchema.CallToolResult whole = whole(result, json);
    if (whole != null) return whole;
    return fit(json, !result.ok(), ResultShaper.sizeUpTo(json, Long.MAX_VALUE), null, id).answer();
  }

  /** The result answered whole when that fits the budget, else null. */
  private McpSchema.CallToolResult whole(ToolResult result, ObjectNode json) {
    if (!budget.on()) return McpToolAdapter.result(result);
    long max = budget.maxChars();
    if (ResultShaper.sizeUpTo(json, max) > max) return null; // the text copy alone is too large
    McpSchema.CallToolResult whole = McpToolAdapter.result(result);
    return wireSize(whole) <= max ? whole : null;
  }

  private record Fitted(McpSchema.CallToolResult answer, Shaped shaped) {}

  /**
   * Shapes {@code json} until the whole answer fits: each attempt measures the answer as sent and
   * aims lower by what it was over.
   */
  private Fitted fit(
      ObjectNode json, boolean error, long fullBytes, String keptId, String aboutId) {
    long max = budget.maxChars();
    long target = Math.max(64, max / 2 - NOTE_ROOM);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Shaped shaped = ResultShaper.shape(json, target);
      ObjectNode view = Json.object();
      view.setAll((ObjectNode) shaped.value());
      view.set("shaped", describe(shaped, fullBytes, keptId, aboutId));
      McpSchema.CallToolResult answer = build(view, error);
      long size = wireSize(answer);
      if (size <= max) return new Fitted(answer, shaped);
      target = Math.min(target * 9 / 10, (long) (target * (double) max / size * 0.95));
    }
    ObjectNode view = Json.object().put("ok", json.path("ok").asBoolean());
    ObjectNode note =
        Json.object()
            .put(
                "note",
                "This result is too large to show any part of it within "
                    + budget.tokens()
                    + " tokens."
                    + rest(null, keptId, aboutId));
    if (keptId != null) note.put("resultId", keptId);
    view.set("shaped", note);
    return new Fitted(build(view, error), null);
  }

  private ObjectNode describe(Shaped shaped, long fullBytes, String keptId, String aboutId) {
    ObjectNode about = Json.object();
    about.put(
        "note",
        "This "
            + (aboutId == null ? "result" : "answer")
            + " is "
            + grouped(fullBytes)
            + " bytes of JSON (about "
            + grouped(fullBytes / ResultBudget.CHARS_PER_TOKEN)
            + " tokens), over this"
            + " server's budget of "
            + grouped(budget.tokens())
            + " tokens an answer, so parts of it were left out"
            + " (see omitted)."
            + rest(shaped.pages(), keptId, aboutId));
    if (keptId != null) about.put("resultId", keptId);
    about.set("omitted", shaped.omitted());
    if (shaped.moreOmitted() > 0) about.put("moreOmitted", shaped.moreOmitted());
    Shaped.Pages pages = shaped.pages();
    if (pages != null && keptId != null) {
      about
          .putObject("pages")
          .put("path", pages.path())
          .put("pageSize", pages.pageSize())
          .put("pages", pages.count())
          .put("items", pages.total());
    }
    return about;
  }

  /** How to get what was left out. */
  private String rest(Shaped.Pages pages, String keptId, String aboutId) {
    String example =
        pages == null ? "$.data" : pages.path() + "[0:" + Math.min(10, pages.pageSize()) + "]";
    if (keptId != null) {
      String next =
          pages == null
              ? ""
              : "{\"resultId\": \""
                  + keptId
                  + "\", \"page\": 2} for the next "
                  + pages.pageSize()
                  + " items of "
                  + pages.path()
                  + " (pages holds how many there are), ";
      return " The full result is kept: call read_result with "
          + next
          + "{\"resultId\": \""
          + keptId
          + "\", \"select\": \""
          + example
          + "\"} for a part of it (JSONPath on this result), or {\"resultId\": \""
          + keptId
          + "\", \"saveToFile\": true} to have its data written to a file.";
    }
    if (aboutId != null) {
      return " Ask read_result for less at once: a narrower select on result "
          + aboutId
          + " (e.g. a slice such as "
          + example
          + "), or saveToFile.";
    }
    return " It was too large to keep (over "
        + (kept.maxBytes() >> 20)
        + " MiB): call the tool again asking"
        + " for less (its own filters or page size).";
  }

  private static McpSchema.CallToolResult build(ObjectNode view, boolean error) {
    return McpSchema.CallToolResult.builder()
        .structuredContent(McpToolAdapter.map(view))
        .addTextContent(Json.write(view))
        .isError(error)
        .build();
  }

  /** The answer's length as the SDK writes it. */
  static long wireSize(McpSchema.CallToolResult answer) {
    try {
      return McpJsonDefaults.getMapper().writeValueAsString(answer).length();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String grouped(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }
}
