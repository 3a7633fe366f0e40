package dev.executortools.internal;

/** The two JavaScript string primitives naming depends on, with JavaScript's exact semantics. */
public final class JsText {
  /** ECMAScript WhiteSpace and LineTerminator, less U+2000..U+200A (tested as a range). */
  private static final String WHITE_SPACE =
      "\t\n\u000B\f\r \u00A0\u1680\u2028\u2029\u202F\u205F\u3000\uFEFF";

  private JsText() {}

  /**
   * {@code String.prototype.trim}: strips ECMAScript white space (TAB, VT, FF, SP, NBSP, ZWNBSP and
   * every other space separator) and line terminators (LF, CR, LS, PS). Unlike {@link
   * String#trim()} it keeps other control characters and strips NBSP.
   */
  public static String trim(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isWhiteSpace(value.charAt(start))) {
      start++;
    }
    while (end > start && isWhiteSpace(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  private static boolean isWhiteSpace(char c) {
    return WHITE_SPACE.indexOf(c) >= 0 || (c >= 0x2000 && c <= 0x200A);
  }

  /**
   * {@code JSON.stringify} of a string: quotes, escapes {@code "} and {@code \}, writes control
   * characters as {@code \b \f \n \r \t} or as a six-character unicode escape, lone surrogates as a
   * unicode escape too (lower-case hex), everything else literally.
   */
  public static String jsonQuote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            unicodeEscape(out, c);
          } else if (Character.isHighSurrogate(c)
              && i + 1 < value.length()
              && Character.isLowSurrogate(value.charAt(i + 1))) {
            out.append(c).append(value.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            unicodeEscape(out, c);
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static void unicodeEscape(StringBuilder out, char c) {
    String hex = Integer.toHexString(c);
    out.append("\\u").append("0".repeat(4 - hex.length())).append(hex);
  }
}
