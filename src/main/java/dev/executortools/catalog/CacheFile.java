package dev.executortools.catalog;

import dev.executortools.internal.JsJson;
import dev.executortools.internal.JsText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes one spec's entry as integrations.sh writes its own: {@code JSON.stringify(entry, null, 2)}
 * with no final newline, the keys {@code fetchedAt, status, count, tools} ({@code ok}) or {@code
 * fetchedAt, status, reason, count, tools} ({@code error}), {@code fetchedAt} as {@code
 * Date.toISOString()} (milliseconds). Streamed tool by tool into a temporary file that is then
 * moved into place (a reader never sees half a file; a run stopped midway leaves no broken entry).
 */
public final class CacheFile {
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final String TOOL_INDENT = "    ";

  private CacheFile() {}

  /** The entry of a spec whose tools were extracted: {@code status: ok}. */
  public static void writeTools(Path file, Instant fetchedAt, List<CatalogTool> tools)
      throws IOException {
    write(file, fetchedAt, ExtractStatus.OK, null, tools);
  }

  /** The entry of a spec that failed, and why: {@code status: error}, no tools. */
  public static void writeFailure(Path file, Instant fetchedAt, String reason) throws IOException {
    write(file, fetchedAt, ExtractStatus.ERROR, reason, List.of());
  }

  /** The temporary file an entry is written to before it is moved to {@code file}. */
  public static Path temporary(Path file) {
    return file.resolveSibling(file.getFileName() + ".tmp");
  }

  /** {@code Date.toISOString()}: UTC, always three digits of milliseconds. */
  static String isoMillis(Instant instant) {
    return ISO_MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  private static void write(
      Path file, Instant fetchedAt, ExtractStatus status, String reason, List<CatalogTool> tools)
      throws IOException {
    Path tmp = temporary(file);
    try (Writer out =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8), 1 << 16)) {
      out.append("{\n");
      property(out, "fetchedAt", JsText.jsonQuote(isoMillis(fetchedAt)));
      property(out, "status", JsText.jsonQuote(status.wireName()));
      if (reason != null) property(out, "reason", JsText.jsonQuote(reason));
      property(out, "count", Integer.toString(tools.size()));
      out.append("  \"tools\": [");
      for (int i = 0; i < tools.size(); i++) {
        out.append(i == 0 ? "\n" : ",\n");
        tool(out, tools.get(i));
      }
      out.append(tools.isEmpty() ? "]\n}" : "\n  ]\n}");
    } catch (IOException | RuntimeException | Error e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void property(Writer out, String name, String json) throws IOException {
    out.append("  ").append(JsText.jsonQuote(name)).append(": ").append(json).append(",\n");
  }

  private static void tool(Writer out, CatalogTool tool) throws IOException {
    String inner = TOOL_INDENT + "  ";
    out.append(TOOL_INDENT).append("{\n");
    out.append(inner).append("\"id\": ").append(JsText.jsonQuote(tool.id())).append(",\n");
    out.append(inner).append("\"name\": ").append(JsText.jsonQuote(tool.name())).append(",\n");
    out.append(inner).append("\"description\": ").append(JsText.jsonQuote(tool.description()));
    if (tool.inputSchema() != null) {
      out.append(",\n").append(inner).append("\"inputSchema\": ");
      JsJson.write(out, tool.inputSchema(), inner);
    }
    out.append('\n').append(TOOL_INDENT).append('}');
  }
}
