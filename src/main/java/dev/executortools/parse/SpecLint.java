package dev.executortools.parse;

import dev.executortools.internal.Json;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What swagger-parser's OpenAPI 3 reader says about a document it could still compile: missing
 * required fields, unexpected attributes, wrong types. Used by previews, where the messages help a
 * person decide; compiling never waits for it.
 */
public final class SpecLint {
  /**
   * Documents larger than this (as JSON) are not linted: the reader needs several times their size.
   */
  public static final int MAX_CHARS = 8 * 1024 * 1024;

  private static final int MAX_MESSAGES = 50;

  /**
   * Documents with a longer list are not linted: swagger-parser's reader takes quadratic time in
   * the length of some lists (300,000 {@code required} names: minutes; 8,000: a tenth of a second).
   */
  public static final int MAX_LIST_LENGTH = 1_000;

  private SpecLint() {}

  public static List<String> messages(SpecDocument doc) {
    if (hasListLongerThan(doc.root(), MAX_LIST_LENGTH)) {
      return List.of(
          String.format(
              "not linted: the document has a list of more than %,d entries", MAX_LIST_LENGTH));
    }
    String json = Json.write(doc.root());
    if (json.length() > MAX_CHARS) {
      return List.of("not linted: the document is larger than " + (MAX_CHARS >> 20) + " MiB");
    }
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    SwaggerParseResult result;
    try {
      result = new OpenAPIV3Parser().readContents(json, null, options);
    } catch (RuntimeException e) {
      return List.of("swagger-parser could not read the document: " + e.getClass().getSimpleName());
    }
    List<String> messages = new ArrayList<>();
    if (result != null && result.getMessages() != null) {
      for (String message : result.getMessages()) {
        if (messages.size() == MAX_MESSAGES) {
          messages.add("... and " + (result.getMessages().size() - MAX_MESSAGES) + " more");
          break;
        }
        messages.add(message);
      }
    }
    return messages;
  }

  private static boolean hasListLongerThan(JsonNode root, int length) {
    Deque<JsonNode> pending = new ArrayDeque<>();
    Set<JsonNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    pending.push(root);
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      if (!node.isContainer() || !seen.add(node)) continue;
      if (node.isArray() && node.size() > length) return true;
      for (JsonNode child : node) pending.push(child);
    }
    return false;
  }
}
