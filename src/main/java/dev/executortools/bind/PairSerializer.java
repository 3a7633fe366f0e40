package dev.executortools.bind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The styles that make {@code name=value} pairs: {@code form}, {@code spaceDelimited}, {@code
 * pipeDelimited} and {@code deepObject}, for queries, cookies and form bodies.
 */
final class PairSerializer {
  private PairSerializer() {}

  /** Pairs for {@code value} under {@code style}; styles unknown here serialise as {@code form}. */
  static List<QueryPair> serialize(
      String style, String name, JsonNode value, boolean explode, PairEncoding encoding) {
    return switch (style) {
      case "spaceDelimited" -> delimited(name, value, explode, ' ', encoding);
      case "pipeDelimited" -> delimited(name, value, explode, '|', encoding);
      case "deepObject" -> deepObject(name, value, encoding);
      default -> form(name, value, explode, encoding);
    };
  }

  /** {@code color=blue&color=black}, {@code R=100&G=200}; unexploded {@code color=blue,black}. */
  static List<QueryPair> form(String name, JsonNode value, boolean explode, PairEncoding encoding) {
    return delimited(name, value, explode, ',', encoding);
  }

  private static List<QueryPair> delimited(
      String name, JsonNode value, boolean explode, char delimiter, PairEncoding encoding) {
    String encodedName = encoding.name(name);
    List<QueryPair> out = new ArrayList<>();
    if (!value.isContainer()) {
      out.add(new QueryPair(encodedName, encoding.value(Values.text(value))));
    } else if (explode && value.isArray()) {
      for (String element : Values.elements(value)) {
        out.add(new QueryPair(encodedName, encoding.value(element)));
      }
    } else if (explode) {
      for (Map.Entry<String, String> entry : Values.entries(value)) {
        out.add(new QueryPair(encoding.name(entry.getKey()), encoding.value(entry.getValue())));
      }
    } else if (!value.isEmpty()) {
      List<String> items = new ArrayList<>();
      if (value.isArray()) {
        for (String element : Values.elements(value)) items.add(encoding.value(element));
      } else {
        for (Map.Entry<String, String> entry : Values.entries(value)) {
          items.add(encoding.value(entry.getKey()));
          items.add(encoding.value(entry.getValue()));
        }
      }
      out.add(new QueryPair(encodedName, String.join(encoding.delimiter(delimiter), items)));
    }
    return out;
  }

  /**
   * {@code color[R]=100&color[G]=200}; nested objects as {@code a[b][c]=v}, arrays (which OpenAPI
   * leaves undefined) indexed as {@code expand[0]=v}, the way Stripe declares and reads them. A
   * primitive falls back to {@code form}.
   */
  static List<QueryPair> deepObject(String name, JsonNode value, PairEncoding encoding) {
    if (!value.isContainer()) return form(name, value, true, encoding);
    List<QueryPair> out = new ArrayList<>();
    nested(encoding.name(name), value, encoding, out);
    return out;
  }

  /** Adds the pairs of {@code value} under an already-encoded name, brackets for each level. */
  static void nested(
      String encodedName, JsonNode value, PairEncoding encoding, List<QueryPair> out) {
    if (Values.isAbsent(value)) return;
    if (value.isObject()) {
      for (Map.Entry<String, JsonNode> entry : value.properties()) {
        nested(encoding.nested(encodedName, entry.getKey()), entry.getValue(), encoding, out);
      }
    } else if (value.isArray()) {
      int index = 0;
      for (JsonNode element : value) {
        nested(encoding.nested(encodedName, Integer.toString(index++)), element, encoding, out);
      }
    } else {
      out.add(new QueryPair(encodedName, encoding.value(Values.text(value))));
    }
  }
}
