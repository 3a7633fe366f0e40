package dev.executortools.naming;

import dev.executortools.extract.Operation;
import dev.executortools.extract.OperationExtractor;
import dev.executortools.internal.JsText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tool paths ({@code group.leaf}) for a spec's operations, exactly as executor's openapi plugin
 * derives them (DESIGN.md, "Naming").
 */
public final class ToolPathNamer {
  private static final Pattern OPERATION_ID_SEPARATORS = Pattern.compile("[/.]+");

  private ToolPathNamer() {}

  /**
   * The final tool path of each operation, in input order, collisions resolved across the whole
   * list. Operations without an operationId get {@link OperationExtractor#fallbackOperationId}.
   */
  public static List<String> toolPaths(List<Operation> operations) {
    List<CollisionRounds.Named> named = new ArrayList<>(operations.size());
    for (Operation op : operations) {
      String operationId =
          op.operationId() != null
              ? op.operationId()
              : OperationExtractor.fallbackOperationId(op.method(), op.pathTemplate());
      String group = group(op.tags().isEmpty() ? null : op.tags().get(0), op.pathTemplate());
      named.add(
          new CollisionRounds.Named(
              group,
              leaf(operationId, op.method(), op.pathTemplate(), group),
              versionSegment(op.pathTemplate()),
              op.method(),
              StableHash.of(op.method(), operationId, op.pathTemplate())));
    }
    return CollisionRounds.resolve(named);
  }

  /**
   * camel(first tag) when it is not blank; else camel of the first path segment that is not a
   * version, not {@code api} and not a {@code {param}}; else {@code root}.
   */
  public static String group(String firstTagOrNull, String pathTemplate) {
    String fromTag = normalizedSegment(firstTagOrNull);
    if (fromTag != null) {
      return fromTag;
    }
    for (String segment : PathSegments.of(pathTemplate)) {
      if (PathSegments.isNaming(segment)) {
        return Words.camel(segment);
      }
    }
    return "root";
  }

  /**
   * camel(operationId, minus a first {@code /}- or {@code .}-separated piece equal to the group);
   * when that equals the group, camel(method + Pascal path segments other than the group).
   */
  public static String leaf(String operationId, String method, String pathTemplate, String group) {
    String preferred = Words.camel(leafSeed(operationId, group));
    if (!preferred.isEmpty() && !preferred.equals(group)) {
      return preferred;
    }
    StringBuilder suffix = new StringBuilder();
    for (String segment : PathSegments.of(pathTemplate)) {
      if (PathSegments.isNaming(segment)) {
        String camel = Words.camel(segment);
        if (!camel.equals(group)) {
          suffix.append(Words.pascal(camel));
        }
      }
    }
    return Words.camel(method + (suffix.isEmpty() ? "Operation" : suffix));
  }

  /**
   * The first version segment of the path ({@code v1}, {@code v1.2}), lower-cased; null if none.
   */
  public static String versionSegment(String pathTemplate) {
    for (String segment : PathSegments.of(pathTemplate)) {
      if (PathSegments.isVersion(segment)) {
        return PathSegments.lower(segment);
      }
    }
    return null;
  }

  private static String leafSeed(String operationId, String group) {
    List<String> pieces = new ArrayList<>();
    for (String raw : OPERATION_ID_SEPARATORS.split(operationId, -1)) {
      String piece = JsText.trim(raw);
      if (!piece.isEmpty()) {
        pieces.add(piece);
      }
    }
    if (pieces.size() > 1 && Words.camel(pieces.get(0)).equals(group)) {
      return String.join(" ", pieces.subList(1, pieces.size()));
    }
    return operationId;
  }

  /**
   * executor's normalizeGroupSegment: null when absent or blank, else camel of the trimmed value.
   */
  private static String normalizedSegment(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = JsText.trim(value);
    return trimmed.isEmpty() ? null : Words.camel(trimmed);
  }
}
