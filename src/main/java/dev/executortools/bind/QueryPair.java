package dev.executortools.bind;

/**
 * One {@code name=value} pair of a query string, form body or cookie, both parts already encoded.
 */
record QueryPair(String name, String value) {

  String joined() {
    return name + "=" + value;
  }
}
