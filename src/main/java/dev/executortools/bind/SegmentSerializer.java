package dev.executortools.bind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;

/**
 * The RFC 6570 expansions OpenAPI names {@code simple}, {@code label} and {@code matrix}: one
 * string per value. Separators are literal; names and values go through {@code encode} (percent
 * encoding for paths, nothing for headers).
 */
final class SegmentSerializer {
  private SegmentSerializer() {}

  /**
   * {@code blue}, {@code blue,black,brown}, {@code R,100,G,200,B,150} / {@code R=100,G=200,B=150}.
   */
  static String simple(JsonNode value, boolean explode, UnaryOperator<String> encode) {
    return String.join(",", items(value, explode, encode, "="));
  }

  /**
   * {@code .blue}, {@code .blue,black,brown} / {@code .blue.black.brown}, {@code
   * .R=100.G=200.B=150}.
   */
  static String label(JsonNode value, boolean explode, UnaryOperator<String> encode) {
    if (Values.isEmptyContainer(value)) return "";
    return "." + String.join(explode ? "." : ",", items(value, explode, encode, "="));
  }

  /**
   * {@code ;color=blue}, {@code ;color=blue;color=black}, {@code ;R=100;G=200}, {@code ;color} if
   * empty.
   */
  static String matrix(String name, JsonNode value, boolean explode, UnaryOperator<String> encode) {
    if (Values.isEmptyContainer(value)) return "";
    String prefix = ";" + encode.apply(name);
    if (!value.isContainer()) {
      String text = encode.apply(Values.text(value));
      return text.isEmpty() ? prefix : prefix + "=" + text;
    }
    if (!explode) return prefix + "=" + String.join(",", items(value, false, encode, "="));
    StringBuilder out = new StringBuilder();
    if (value.isArray()) {
      for (String element : Values.elements(value))
        out.append(prefix).append('=').append(encode.apply(element));
    } else {
      for (String pair : items(value, true, encode, "=")) out.append(';').append(pair);
    }
    return out.toString();
  }

  /**
   * The encoded items of a value: a primitive alone, an array's elements, an object's names and
   * values (interleaved, or joined by {@code equals} when exploded).
   */
  private static List<String> items(
      JsonNode value, boolean explode, UnaryOperator<String> encode, String equals) {
    List<String> out = new ArrayList<>();
    if (value.isArray()) {
      for (String element : Values.elements(value)) out.add(encode.apply(element));
    } else if (value.isObject()) {
      for (Map.Entry<String, String> entry : Values.entries(value)) {
        String name = encode.apply(entry.getKey());
        String text = encode.apply(entry.getValue());
        if (explode) {
          out.add(name + equals + text);
        } else {
          out.add(name);
          out.add(text);
        }
      }
    } else {
      out.add(encode.apply(Values.text(value)));
    }
    return out;
  }
}
