package dev.executortools.bind;

/**
 * How names, values, delimiters and {@code deepObject} brackets of pairs are spelled. URLs follow
 * RFC 3986 strictly, as the OpenAPI 3.1.1 style table does ({@code color%5BR%5D=100}): servers such
 * as Tomcat refuse raw brackets in a request target. Form bodies keep brackets literal in names
 * ({@code metadata[order_id]=6735}), as Stripe's client libraries send them. Multipart part names
 * and values are not percent-encoded at all.
 *
 * @param values the encoder of values; null for raw (multipart)
 */
record PairEncoding(PercentEncoder values, String open, String close) {
  static final PairEncoding URL = new PairEncoding(PercentEncoder.STRICT, "%5B", "%5D");
  static final PairEncoding URL_RESERVED = new PairEncoding(PercentEncoder.RESERVED, "%5B", "%5D");
  static final PairEncoding FORM_BODY = new PairEncoding(PercentEncoder.STRICT, "[", "]");
  static final PairEncoding FORM_BODY_RESERVED =
      new PairEncoding(PercentEncoder.RESERVED, "[", "]");
  static final PairEncoding RAW = new PairEncoding(null, "[", "]");

  String name(String name) {
    if (values == null) return name;
    String encoded = PercentEncoder.STRICT.encode(name);
    return open.equals("[") ? encoded.replace("%5B", "[").replace("%5D", "]") : encoded;
  }

  String value(String value) {
    return values == null ? value : values.encode(value);
  }

  /** {@code name[key]}, with the brackets as this encoding spells them. */
  String nested(String encodedName, String key) {
    return encodedName + open + (values == null ? key : PercentEncoder.STRICT.encode(key)) + close;
  }

  /** A delimiter between items: {@code ,} as is; space and {@code |} percent-encoded unless raw. */
  String delimiter(char delimiter) {
    String text = String.valueOf(delimiter);
    return values == null || delimiter == ',' ? text : PercentEncoder.STRICT.encode(text);
  }
}
