package dev.executortools.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * An inline spec text as a source file keeps it: gzipped, in base64 (a 20 MB Graph document takes
 * about 2 MB). It is read back only to refresh the source.
 */
final class SpecTextCodec {
  private SpecTextCodec() {}

  static String encode(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(Base64.getEncoder().wrap(bytes), 1 << 16)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }

  /**
   * @param chars the length the file says the text has; a text that inflates beyond it (4 bytes a
   *     character at most) is refused rather than read without bound
   * @throws IllegalArgumentException when {@code base64} is not what {@link #encode} writes
   */
  static String decode(String base64, long chars) {
    if (chars < 0) throw new IllegalArgumentException("specTextGzip without specTextChars");
    long limit = chars * 4;
    byte[] raw = base64.getBytes(StandardCharsets.ISO_8859_1);
    try (InputStream in = new GZIPInputStream(Base64.getDecoder().wrap(new java.io.ByteArrayInputStream(raw)))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        if (out.size() + n > limit) throw new IllegalArgumentException("specTextGzip is longer than specTextChars says");
        out.write(buffer, 0, n);
      }
      String text = out.toString(StandardCharsets.UTF_8);
      if (text.length() != chars) throw new IllegalArgumentException("specTextGzip does not hold specTextChars characters");
      return text;
    } catch (IOException e) {
      throw new IllegalArgumentException("specTextGzip is not gzip in base64");
    }
  }
}
