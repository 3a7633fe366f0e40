package dev.executortools.bind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A path template such as {@code /repos/{owner}/{repo}/contents/{path}}, split once into segments
 * of literal text (encoded now) and variables (filled per call with already-encoded values).
 */
final class PathTemplate {
  /** One piece of a segment: literal encoded text, or the name of a variable. */
  private record Piece(String literal, String variable) {}

  private final List<List<Piece>> segments;

  private PathTemplate(List<List<Piece>> segments) {
    this.segments = segments;
  }

  static PathTemplate parse(String template) {
    String text = template == null ? "" : template.strip();
    if (!text.isEmpty() && !text.startsWith("/")) text = "/" + text;
    List<List<Piece>> segments = new ArrayList<>();
    for (String segment : text.isEmpty() ? new String[0] : text.substring(1).split("/", -1)) {
      segments.add(pieces(segment));
    }
    return new PathTemplate(segments);
  }

  private static List<Piece> pieces(String segment) {
    List<Piece> pieces = new ArrayList<>();
    int at = 0;
    while (at < segment.length()) {
      int open = segment.indexOf('{', at);
      int close = open < 0 ? -1 : segment.indexOf('}', open);
      if (open < 0 || close < 0) {
        pieces.add(literal(segment.substring(at)));
        break;
      }
      if (open > at) pieces.add(literal(segment.substring(at, open)));
      pieces.add(new Piece(null, segment.substring(open + 1, close)));
      at = close + 1;
    }
    return pieces;
  }

  private static Piece literal(String text) {
    return new Piece(PercentEncoder.PATH_TEMPLATE.encode(text), null);
  }

  /** The variable names, in order of appearance. */
  Set<String> variables() {
    Set<String> names = new LinkedHashSet<>();
    for (List<Piece> segment : segments) {
      for (Piece piece : segment) {
        if (piece.variable() != null) names.add(piece.variable());
      }
    }
    return names;
  }

  /**
   * The encoded path ({@code ""} for an empty template). A segment made from variables that comes
   * out as {@code .} or {@code ..} is refused: the URL would climb out of the template; so is one
   * that comes out empty ({@code /gists/{id}} with "" would address {@code /gists/}, the list).
   *
   * @param properties the input property of each variable, for error pointers
   */
  String expand(RequestDraft draft, Map<String, String> properties) {
    StringBuilder path = new StringBuilder();
    for (List<Piece> segment : segments) {
      StringBuilder text = new StringBuilder();
      String firstVariable = null;
      for (Piece piece : segment) {
        if (piece.literal() != null) {
          text.append(piece.literal());
        } else {
          if (firstVariable == null) firstVariable = piece.variable();
          String value = draft.pathValue(piece.variable());
          text.append(value == null ? "" : value);
        }
      }
      String result = text.toString();
      if (firstVariable != null && result.isEmpty()) {
        throw new BindException(
            BindException.pointerTo(properties.getOrDefault(firstVariable, firstVariable)),
            "path parameter '" + firstVariable + "' must not be empty");
      }
      if (firstVariable != null && (result.equals(".") || result.equals(".."))) {
        throw new BindException(
            BindException.pointerTo(properties.getOrDefault(firstVariable, firstVariable)),
            "path parameter '" + firstVariable + "' must not be '.' or '..'");
      }
      path.append('/').append(result);
    }
    return path.toString();
  }
}
