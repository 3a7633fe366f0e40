package dev.executortools.catalog;

import dev.executortools.Tool;
import dev.executortools.internal.Json;
import dev.executortools.schema.ModelSchemas;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;

/**
 * Writes one spec's entry in the integrations.sh cache shape {@code {"fetchedAt", "status",
 * "reason"?, "count", "tools": [{"id", "name", "description", "inputSchema"}]}}, streamed tool by
 * tool into a temporary file that is then moved into place (a reader never sees half a file; a run
 * stopped midway leaves no broken entry).
 */
public final class CacheFile {
  private CacheFile() {}

  /** The entry of a spec whose tools were extracted: {@code status: ok}. */
  public static void writeTools(Path file, Instant fetchedAt, List<Tool> tools) throws IOException {
    write(file, fetchedAt, ExtractStatus.OK, null, tools);
  }

  /** The entry of a spec without tools ({@code error} or {@code skipped}) and why. */
  public static void writeFailure(Path file, Instant fetchedAt, ExtractStatus status, String reason)
      throws IOException {
    write(file, fetchedAt, status, reason, List.of());
  }

  /** The temporary file an entry is written to before it is moved to {@code file}. */
  public static Path temporary(Path file) {
    return file.resolveSibling(file.getFileName() + ".tmp");
  }

  private static void write(
      Path file, Instant fetchedAt, ExtractStatus status, String reason, List<Tool> tools)
      throws IOException {
    Path tmp = temporary(file);
    try (OutputStream out = Files.newOutputStream(tmp);
        JsonGenerator json = Json.MAPPER.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringProperty("fetchedAt", fetchedAt.toString());
      json.writeStringProperty("status", status.wireName());
      if (reason != null) json.writeStringProperty("reason", reason);
      json.writeNumberProperty("count", tools.size());
      json.writeArrayPropertyStart("tools");
      for (Tool tool : tools) {
        json.writeStartObject();
        json.writeStringProperty("id", tool.id());
        json.writeStringProperty("name", tool.name());
        json.writeStringProperty("description", tool.description());
        json.writeName("inputSchema");
        json.writeTree(
            ModelSchemas.forModel(
                tool.inputSchema(), tool.id())); // at most 64 KB, as a model sees it
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (JacksonException e) {
      Files.deleteIfExists(tmp);
      throw new IOException("cannot write " + file + ": " + e.getOriginalMessage(), e);
    } catch (IOException | RuntimeException | Error e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
