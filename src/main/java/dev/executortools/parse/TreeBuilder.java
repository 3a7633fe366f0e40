package dev.executortools.parse;

import dev.executortools.ErrorCode;
import dev.executortools.internal.Limits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a document tree from a token stream (JSON or YAML) within {@link Limits}: depth, number of
 * values, characters of text and digits of numbers, YAML aliases counted as if written out. An
 * alias shares the anchored node, so memory stays linear in the input while the counts bound what
 * later stages (which see the expanded tree) may have to walk or write. Exactly one document is
 * accepted: anything after it is refused.
 */
final class TreeBuilder {
  /** Where the YAML anchors of the current token come from; JSON has none. */
  interface Anchors {
    /** The anchor the current token defines, if any. */
    String anchor();

    /** True when the current token is an alias; its text is the anchor's name. */
    boolean isAlias();

    Anchors NONE =
        new Anchors() {
          @Override
          public String anchor() {
            return null;
          }

          @Override
          public boolean isAlias() {
            return false;
          }
        };
  }

  private final JsonParser parser;
  private final Anchors anchors;
  private final boolean decimalFloats;
  private final JsonNodeFactory nodes = JsonNodeFactory.instance;
  private final Map<String, Sized> anchored = new HashMap<>();
  private final Deque<Frame> stack = new ArrayDeque<>();
  private long values;
  private long chars;

  /**
   * @param decimalFloats true to keep floating-point numbers as written (YAML); false to read them
   *     as doubles, as Jackson's own tree reader does for JSON
   */
  TreeBuilder(JsonParser parser, Anchors anchors, boolean decimalFloats) {
    this.parser = parser;
    this.anchors = anchors;
    this.decimalFloats = decimalFloats;
  }

  /** The one document of the stream, or null when the stream is empty. */
  JsonNode document(String format) throws SpecException {
    JsonToken token = parser.nextToken();
    Sized root = null;
    while (token != null) {
      root = step(token);
      if (root != null && stack.isEmpty()) break;
      token = parser.nextToken();
    }
    if (root != null && parser.nextToken() != null) {
      throw new SpecException(
          ErrorCode.OPENAPI_PARSE_FAILED,
          "invalid "
              + format
              + ": content follows the end of the document (one "
              + format
              + " document is expected)");
    }
    return root == null ? null : root.node;
  }

  /** Consumes one token; returns the value it completed, if any. */
  private Sized step(JsonToken token) throws SpecException {
    boolean alias = anchors.isAlias();
    String anchor = alias ? null : anchors.anchor();
    switch (token) {
      case START_OBJECT, START_ARRAY -> {
        if (stack.size() >= Limits.MAX_DEPTH) {
          throw limit("nests deeper than " + Limits.MAX_DEPTH + " levels");
        }
        count(1, 0);
        stack.push(
            new Frame(
                token == JsonToken.START_OBJECT ? nodes.objectNode() : nodes.arrayNode(), anchor));
        return null;
      }
      case PROPERTY_NAME -> {
        String name = parser.currentName();
        count(0, name.length());
        stack.peek().pendingName = name;
        return null;
      }
      case END_OBJECT, END_ARRAY -> {
        Frame frame = stack.pop();
        Sized value = new Sized(frame.node, frame.values + 1, frame.chars);
        if (frame.anchor != null) anchored.put(frame.anchor, value);
        return attach(value);
      }
      default -> {
        Sized value;
        if (alias) {
          value = anchored.get(parser.getString());
          if (value == null) {
            throw new SpecException(
                ErrorCode.OPENAPI_PARSE_FAILED,
                "invalid YAML: alias *" + parser.getString() + " refers to no earlier anchor");
          }
          count(value.values, value.chars);
        } else {
          JsonNode scalar = scalar(token);
          long length = scalar.isString() ? scalar.stringValue().length() : 0;
          count(1, length);
          value = new Sized(scalar, 1, length);
          if (anchor != null) anchored.put(anchor, value);
        }
        return attach(value);
      }
    }
  }

  private void count(long moreValues, long moreChars) throws SpecException {
    values += moreValues;
    chars += moreChars;
    if (values > Limits.MAX_NODES) {
      throw limit(
          String.format(
              "has more than %,d values (counting what YAML aliases expand to)", Limits.MAX_NODES));
    }
    if (chars > Limits.MAX_EXPANDED_CHARS) {
      throw limit(
          String.format(
              "has more than %,d characters of names and strings"
                  + " (counting what YAML aliases expand to)",
              Limits.MAX_EXPANDED_CHARS));
    }
  }

  private Sized attach(Sized value) {
    Frame parent = stack.peek();
    if (parent == null) return value;
    parent.values += value.values;
    parent.chars += value.chars;
    if (parent.node instanceof ObjectNode object) {
      object.set(parent.pendingName, value.node);
    } else {
      ((ArrayNode) parent.node).add(value.node);
    }
    return value;
  }

  private JsonNode scalar(JsonToken token) throws SpecException {
    return switch (token) {
      case VALUE_NULL -> nodes.nullNode();
      case VALUE_TRUE -> nodes.booleanNode(true);
      case VALUE_FALSE -> nodes.booleanNode(false);
      case VALUE_NUMBER_INT ->
          switch (parser.getNumberType()) {
            case INT -> nodes.numberNode(parser.getIntValue());
            case LONG -> nodes.numberNode(parser.getLongValue());
            default -> nodes.numberNode(bounded(parser.getBigIntegerValue()));
          };
      case VALUE_NUMBER_FLOAT -> floating();
      default -> nodes.stringNode(parser.getString());
    };
  }

  private JsonNode floating() throws SpecException {
    if (!decimalFloats) {
      double value = parser.getDoubleValue();
      if (Double.isInfinite(value)) throw numberTooLong(parser.getString());
      return nodes.numberNode(value);
    }
    BigDecimal value;
    try {
      value = parser.getDecimalValue();
    } catch (RuntimeException e) {
      return nodes.stringNode(parser.getString()); // .inf, .nan: no JSON number stands for them
    }
    // Digits written out: 1e100000000 is short text but a hundred million digits to any consumer.
    if ((long) value.precision() - value.scale() > Limits.MAX_NUMBER_DIGITS
        || value.scale() > Limits.MAX_NUMBER_DIGITS) {
      throw numberTooLong(parser.getString());
    }
    return nodes.numberNode(value);
  }

  private BigInteger bounded(BigInteger value) throws SpecException {
    if (value.bitLength() > Limits.MAX_NUMBER_DIGITS * 3.33)
      throw numberTooLong(parser.getString());
    return value;
  }

  private static SpecException numberTooLong(String text) {
    String shown = text.length() > 40 ? text.substring(0, 37) + "..." : text;
    return limit(
        "holds the number "
            + shown
            + ", which has more than "
            + Limits.MAX_NUMBER_DIGITS
            + " digits written out");
  }

  private static SpecException limit(String what) {
    return new SpecException(
        ErrorCode.OPENAPI_PARSE_FAILED,
        "the document " + what + "; that is past the limit (see \"Limits\" in the README)");
  }

  private record Sized(JsonNode node, long values, long chars) {}

  private static final class Frame {
    final JsonNode node;
    final String anchor;
    String pendingName;
    long values;
    long chars;

    Frame(JsonNode node, String anchor) {
      this.node = node;
      this.anchor = anchor;
    }
  }
}
