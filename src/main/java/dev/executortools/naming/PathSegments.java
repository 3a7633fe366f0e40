package dev.executortools.naming;

import dev.executortools.internal.JsText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The segments of a path template and the kinds naming skips: versions, {@code api}, parameters.
 */
final class PathSegments {
  private static final Pattern VERSION =
      Pattern.compile("v\\d+(?:[._-]\\d+)?", Pattern.CASE_INSENSITIVE);
  private static final String IGNORED = "api";

  private PathSegments() {}

  /** Segments between {@code /}, each trimmed (JavaScript white space), empty ones dropped. */
  static List<String> of(String pathTemplate) {
    List<String> segments = new ArrayList<>();
    for (String raw : pathTemplate.split("/", -1)) {
      String segment = JsText.trim(raw);
      if (!segment.isEmpty()) {
        segments.add(segment);
      }
    }
    return segments;
  }

  static String lower(String segment) {
    return segment.toLowerCase(Locale.ROOT);
  }

  /**
   * {@code v1}, {@code V2}, {@code v1.2}, {@code v2_1}, {@code v3-0}, judged on the lower-cased
   * form.
   */
  static boolean isVersion(String segment) {
    return VERSION.matcher(lower(segment)).matches();
  }

  static boolean isIgnored(String segment) {
    return IGNORED.equals(lower(segment));
  }

  static boolean isParameter(String segment) {
    return segment.startsWith("{") && segment.endsWith("}");
  }

  /** Neither a version, nor {@code api}, nor a {@code {param}}. */
  static boolean isNaming(String segment) {
    return !isVersion(segment) && !isIgnored(segment) && !isParameter(segment);
  }
}
