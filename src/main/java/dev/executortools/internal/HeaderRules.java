package dev.executortools.internal;

import java.util.Locale;
import java.util.Set;

/**
 * What may go into a request header, whoever supplies it (a header parameter, a source's
 * credentials, the headers of a spec fetch): a name that is an RFC 9110 token and not one of the
 * headers that frame or route a request, and a value of visible ASCII, spaces and tabs only.
 */
public final class HeaderRules {
  /**
   * Headers the HTTP client owns: a value from elsewhere could send the request (and its
   * credentials) to another host, smuggle a second request, or stall the exchange.
   */
  private static final Set<String> FRAMING =
      Set.of(
          "host",
          "content-length",
          "transfer-encoding",
          "connection",
          "upgrade",
          "te",
          "trailer",
          "keep-alive",
          "expect");

  private static final String TOKEN_PUNCTUATION = "!#$%&'*+-.^_`|~";

  private HeaderRules() {}

  /** {@code Host}, {@code Content-Length}, {@code Transfer-Encoding}, ... and {@code Proxy-*}. */
  public static boolean isFramingOrRouting(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return FRAMING.contains(lower) || lower.startsWith("proxy-");
  }

  /** Whether {@code name} is a header field name (RFC 9110 §5.1: a non-empty token). */
  public static boolean isToken(String name) {
    if (name.isEmpty()) return false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean alphanumeric = c < 0x80 && Character.isLetterOrDigit(c);
      if (!alphanumeric && TOKEN_PUNCTUATION.indexOf(c) < 0) return false;
    }
    return true;
  }

  /**
   * Whether {@code value} can be sent as it is: tab, space and visible ASCII only (no CR, LF, NUL
   * or other control character, nothing past ASCII), which is what every HTTP/1.1 peer reads alike.
   */
  public static boolean isSendableValue(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\t' && (c < 0x20 || c > 0x7e)) return false;
    }
    return true;
  }
}
