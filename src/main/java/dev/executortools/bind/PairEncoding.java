package dev.executortools.bind;

/**
 * How names, values and {@code deepObject} brackets of pairs are encoded. URLs follow RFC 3986
 * strictly, as the OpenAPI 3.1.1 style table does ({@code color%5BR%5D=100}): servers such as
 * Tomcat refuse raw brackets in a request target. Form bodies keep brackets literal in names
 * ({@code metadata[order_id]=6735}), as Stripe's client libraries send them.
 */
record PairEncoding(PercentEncoder values, String open, String close) {
  static final PairEncoding URL = new PairEncoding(PercentEncoder.STRICT, "%5B", "%5D");
  static final PairEncoding URL_RESERVED = new PairEncoding(PercentEncoder.RESERVED, "%5B", "%5D");
  static final PairEncoding FORM_BODY = new PairEncoding(PercentEncoder.STRICT, "[", "]");

  String name(String name) {
    String encoded = PercentEncoder.STRICT.encode(name);
    return open.equals("[") ? encoded.replace("%5B", "[").replace("%5D", "]") : encoded;
  }

  String value(String value) {
    return values.encode(value);
  }

  /** {@code name[key]}, with the brackets as this encoding spells them. */
  String nested(String encodedName, String key) {
    return encodedName + open + PercentEncoder.STRICT.encode(key) + close;
  }
}
