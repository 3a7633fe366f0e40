package dev.executortools.naming;

import dev.executortools.internal.JsText;

/**
 * executor's {@code stableHash} of an operation: a 31-multiplier string hash of the operation's
 * sorted-key JSON, taken as an unsigned magnitude in base 36, left-padded to eight characters.
 */
public final class StableHash {
  private static final int MIN_LENGTH = 8;

  private StableHash() {}

  /**
   * The hash of {@code {"method":…,"operationId":…,"path":…}} exactly as JavaScript's {@code
   * JSON.stringify} writes it. Never shorter than eight characters (in practice always eight).
   */
  public static String of(String method, String operationId, String pathTemplate) {
    String json =
        "{\"method\":"
            + JsText.jsonQuote(method)
            + ",\"operationId\":"
            + JsText.jsonQuote(operationId)
            + ",\"path\":"
            + JsText.jsonQuote(pathTemplate)
            + "}";
    int hash = 0;
    for (int i = 0; i < json.length(); i++) {
      hash = 31 * hash + json.charAt(i);
    }
    String base36 = Long.toString(Math.abs((long) hash), 36);
    return base36.length() >= MIN_LENGTH
        ? base36
        : "0".repeat(MIN_LENGTH - base36.length()) + base36;
  }
}
