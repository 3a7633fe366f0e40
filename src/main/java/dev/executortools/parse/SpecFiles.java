package dev.executortools.parse;

import dev.executortools.internal.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Spec files a person names (never an agent's argument), read with the same size cap as URLs. */
public final class SpecFiles {
  private SpecFiles() {}

  public static String read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) throw new IOException("no such file: " + file);
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) Limits.MAX_DOCUMENT_BYTES + 1);
      if (bytes.length > Limits.MAX_DOCUMENT_BYTES) {
        throw new IOException(
            file
                + " is larger than "
                + Limits.bytes(Limits.MAX_DOCUMENT_BYTES)
                + " (the limit for one document)");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
