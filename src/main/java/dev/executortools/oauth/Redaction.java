package dev.executortools.oauth;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Text a server wrote ({@code error_description}) made fit for a message: the secrets of the
 * exchange taken out (a hostile server may echo them), control characters dropped, at most {@link
 * #MAX_CHARS}.
 */
final class Redaction {
  static final int MAX_CHARS = 300;

  private Redaction() {}

  static String scrub(@Nullable String text, List<String> secrets) {
    if (text == null) return "";
    String clean = text;
    for (String secret : secrets) {
      if (!secret.isEmpty()) clean = clean.replace(secret, "<redacted>");
    }
    StringBuilder out = new StringBuilder();
    clean
        .codePoints()
        .map(c -> Character.isISOControl(c) ? ' ' : c)
        .limit(MAX_CHARS)
        .forEach(out::appendCodePoint);
    if (clean.codePointCount(0, clean.length()) > MAX_CHARS) out.append("…");
    return out.toString().strip();
  }
}
