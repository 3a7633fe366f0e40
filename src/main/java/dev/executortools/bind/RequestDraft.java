package dev.executortools.bind;

import dev.executortools.bind.HttpRequestSpec.HttpHeader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the parameter binders of one call collect, in declaration order. Mutable, one per call. */
final class RequestDraft {
  private final Map<String, String> pathValues = new HashMap<>();
  private final List<QueryPair> query = new ArrayList<>();
  private final List<HttpHeader> headers = new ArrayList<>();
  private final List<QueryPair> cookies = new ArrayList<>();

  void pathValue(String name, String encoded) {
    pathValues.put(name, encoded);
  }

  String pathValue(String name) {
    return pathValues.get(name);
  }

  void query(List<QueryPair> pairs) {
    query.addAll(pairs);
  }

  void header(String name, String value) {
    headers.add(new HttpHeader(name, value));
  }

  void cookies(List<QueryPair> pairs) {
    cookies.addAll(pairs);
  }

  /** The encoded query string of the parameters, without {@code ?}; empty when there are none. */
  String queryString() {
    List<String> parts = new ArrayList<>(query.size());
    for (QueryPair pair : query) parts.add(pair.joined());
    return String.join("&", parts);
  }

  /** The header parameters, then all cookies folded into one {@code Cookie} header. */
  List<HttpHeader> headers() {
    if (cookies.isEmpty()) return List.copyOf(headers);
    List<String> parts = new ArrayList<>(cookies.size());
    for (QueryPair pair : cookies) parts.add(pair.joined());
    List<HttpHeader> all = new ArrayList<>(headers);
    all.add(new HttpHeader("Cookie", String.join("; ", parts)));
    return all;
  }
}
