package dev.executortools.home;

import dev.executortools.internal.Json;
import dev.executortools.internal.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.JsonNode;

/**
 * Reading the small JSON state files under a home directory (secrets, policies, settings), as
 * regular files only ({@link HomeFiles}), with failures that name the file and the position but
 * never quote its content.
 */
public final class JsonFiles {
  private JsonFiles() {}

  /**
   * The JSON in {@code file}, or empty when there is no such file.
   *
   * @param kind what the file holds, for messages ({@code "policies"})
   * @throws StoreException when it cannot be read (not a regular file included, see {@link
   *     HomeFiles}), is empty or is not JSON
   */
  public static Optional<JsonNode> read(Path file, String kind) {
    try (InputStream in = HomeFiles.newInputStream(file, kind, Limits.MAX_JSON_CHARS)) {
      JsonNode json = Json.MAPPER.readTree(in);
      if (json == null || json.isMissingNode()) throw damaged(file, kind, "it is empty");
      return Optional.of(json);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (JacksonIOException e) {
      throw new StoreException("cannot read " + file + ": " + PrivateFiles.reason(e), file);
    } catch (JacksonException e) {
      throw damaged(file, kind, syntaxError(e));
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + PrivateFiles.reason(e), file);
    }
  }

  /** The failure for a file that exists but cannot be used; it is left as it is. */
  public static StoreException damaged(Path file, String kind, String why) {
    return new StoreException(
        kind
            + " file "
            + file
            + " is damaged: "
            + why
            + ". It was left in place; fix or remove it.",
        file);
  }

  /**
   * What is wrong with unparseable JSON, by position only (the parser's message may quote content).
   */
  public static String syntaxError(JacksonException e) {
    TokenStreamLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    if (e instanceof UnexpectedEndOfInputException) return "it ends early (cut short?)" + where;
    if (e instanceof StreamConstraintsException)
      return "it exceeds the JSON reading limits" + where;
    return "it is not valid JSON" + where;
  }
}
