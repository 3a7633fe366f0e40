package dev.executortools.parse;

import dev.executortools.ErrorCode;
import dev.executortools.internal.Json;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads YAML into a JSON tree with snakeyaml-engine (through Jackson's YAML parser), resolving
 * anchors and aliases, which Jackson's own tree reader leaves as plain strings. An alias shares the
 * anchored node; the total size the aliases expand to is bounded, so an alias bomb is refused
 * instead of walked.
 */
final class YamlTreeReader {
  /** Largest YAML accepted, in code points (snakeyaml-engine's default is 3 MiB). */
  static final int MAX_CODE_POINTS = 160 * 1024 * 1024;
  /** Largest number of nodes the document may stand for once every alias is expanded. */
  static final long MAX_EXPANDED_NODES = 20_000_000L;

  private static final YAMLMapper MAPPER =
      YAMLMapper.builder(
              YAMLFactory.builder()
                  .loadSettings(
                      LoadSettings.builder()
                          .setCodePointLimit(MAX_CODE_POINTS)
                          .setAllowRecursiveKeys(false)
                          .setAllowDuplicateKeys(true)
                          .setUseMarks(true)
                          .build())
                  .streamReadConstraints(Json.MAPPER.tokenStreamFactory().streamReadConstraints())
                  .build())
          .build();

  private YamlTreeReader() {}

  static JsonNode read(String text) throws SpecException {
    try (YAMLParser parser = (YAMLParser) MAPPER.createParser(text)) {
      return new Builder(parser).document();
    } catch (JacksonException e) {
      throw new SpecException(ErrorCode.OPENAPI_PARSE_FAILED, "invalid YAML: " + e.getOriginalMessage()
          + location(e));
    }
  }

  private static String location(JacksonException e) {
    var where = e.getLocation();
    return where == null || where.getLineNr() < 0
        ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
  }

  /** Builds the tree from the token stream, one frame per open container. */
  private static final class Builder {
    private final YAMLParser parser;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final Map<String, Sized> anchors = new HashMap<>();
    private final Deque<Frame> stack = new ArrayDeque<>();
    private long expanded;

    Builder(YAMLParser parser) {
      this.parser = parser;
    }

    JsonNode document() throws SpecException {
      JsonToken token = parser.nextToken();
      if (token == null) return null;
      Sized root = null;
      while (token != null) {
        Sized done = step(token);
        if (done != null && stack.isEmpty()) {
          root = done;
          break;
        }
        token = parser.nextToken();
      }
      return root == null ? null : root.node;
    }

    /** Consumes one token; returns the value it completed, if any. */
    private Sized step(JsonToken token) throws SpecException {
      String anchor = parser.isCurrentAlias() ? null : objectId();
      switch (token) {
        case START_OBJECT -> {
          stack.push(new Frame(nodes.objectNode(), anchor));
          return null;
        }
        case START_ARRAY -> {
          stack.push(new Frame(nodes.arrayNode(), anchor));
          return null;
        }
        case PROPERTY_NAME -> {
          stack.peek().pendingName = parser.currentName();
          return null;
        }
        case END_OBJECT, END_ARRAY -> {
          Frame frame = stack.pop();
          Sized value = new Sized(frame.node, frame.size + 1);
          if (frame.anchor != null) anchors.put(frame.anchor, value);
          return attach(value);
        }
        default -> {
          Sized value;
          if (parser.isCurrentAlias()) {
            value = anchors.get(parser.getString());
            if (value == null) {
              throw new SpecException(ErrorCode.OPENAPI_PARSE_FAILED,
                  "invalid YAML: alias *" + parser.getString() + " refers to no earlier anchor");
            }
            expanded += value.size;
            if (expanded > MAX_EXPANDED_NODES) {
              throw new SpecException(ErrorCode.OPENAPI_PARSE_FAILED,
                  "YAML aliases expand to more than " + MAX_EXPANDED_NODES + " nodes");
            }
          } else {
            value = new Sized(scalar(token), 1);
            if (anchor != null) anchors.put(anchor, value);
          }
          return attach(value);
        }
      }
    }

    private Sized attach(Sized value) {
      Frame parent = stack.peek();
      if (parent == null) return value;
      parent.size += value.size;
      if (parent.node instanceof ObjectNode object) {
        object.set(parent.pendingName, value.node);
      } else {
        ((ArrayNode) parent.node).add(value.node);
      }
      return value;
    }

    private String objectId() {
      Object id = parser.getObjectId();
      return id == null ? null : id.toString();
    }

    private JsonNode floating() {
      try {
        return nodes.numberNode(parser.getDecimalValue());
      } catch (NumberFormatException | JacksonException e) {
        return nodes.stringNode(parser.getString()); // .inf, .nan: no JSON number stands for them
      }
    }

    private JsonNode scalar(JsonToken token) {
      return switch (token) {
        case VALUE_NULL -> nodes.nullNode();
        case VALUE_TRUE -> nodes.booleanNode(true);
        case VALUE_FALSE -> nodes.booleanNode(false);
        case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
          case INT -> nodes.numberNode(parser.getIntValue());
          case LONG -> nodes.numberNode(parser.getLongValue());
          default -> nodes.numberNode(parser.getBigIntegerValue());
        };
        case VALUE_NUMBER_FLOAT -> floating();
        default -> nodes.stringNode(parser.getString());
      };
    }
  }

  private record Sized(JsonNode node, long size) {}

  private static final class Frame {
    final JsonNode node;
    final String anchor;
    String pendingName;
    long size;

    Frame(JsonNode node, String anchor) {
      this.node = node;
      this.anchor = anchor;
    }
  }
}
