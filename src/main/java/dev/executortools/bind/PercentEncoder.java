package dev.executortools.bind;

import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding of UTF-8 text. Unreserved characters ({@code A-Z a-z 0-9 - . _ ~})
 * always pass; each set below names what else may pass unencoded.
 */
enum PercentEncoder {
  /** Everything but unreserved is encoded: RFC 6570 simple expansion ({@code /} becomes %2F). */
  STRICT(""),
  /**
   * RFC 6570 reserved expansion for {@code allowReserved}: reserved characters and existing
   * percent-encoded triplets pass, except {@code [ ] #}, which a query may not hold (OpenAPI
   * 3.1.1).
   */
  RESERVED(":/?@!$&'()*+,;="),
  /** Literal text of a path template: path characters and existing triplets pass. */
  PATH_TEMPLATE(":/@!$&'()*+,;=");

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final String passes;

  PercentEncoder(String passes) {
    this.passes = passes;
  }

  String encode(String text) {
    if (isClean(text)) return text;
    StringBuilder out = new StringBuilder(text.length() + 16);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      if (b < 0x80 && passes((char) b)) {
        out.append((char) b);
      } else if (b == '%' && this != STRICT && isTriplet(bytes, i)) {
        out.append('%');
      } else {
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
      }
    }
    return out.toString();
  }

  private boolean isClean(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!passes(text.charAt(i))) return false;
    }
    return true;
  }

  private boolean passes(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~'
        || passes.indexOf(c) >= 0;
  }

  private static boolean isTriplet(byte[] bytes, int i) {
    return i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
  }

  private static boolean isHex(byte b) {
    return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
  }
}
