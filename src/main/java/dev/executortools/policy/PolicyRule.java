package dev.executortools.policy;

import dev.executortools.internal.Json;
import java.util.Comparator;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One approval rule: tools whose id matches {@code pattern} get {@code action}.
 *
 * @param pattern {@code *} (every tool), an exact tool id, or {@code prefix.*} (every id that
 *     starts with {@code prefix.}; {@code github.*} matches {@code github.repos.get} but not {@code
 *     github})
 */
public record PolicyRule(String pattern, PolicyAction action) {
  /**
   * The order rules apply in: an exact id first, then {@code prefix.*} rules by longer prefix, then
   * {@code *}; patterns of equal rank by their text (two such patterns never match the same id).
   */
  public static final Comparator<PolicyRule> PRECEDENCE =
      Comparator.comparingInt(PolicyRule::specificity)
          .reversed()
          .thenComparing(PolicyRule::pattern);

  public PolicyRule {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(action, "action");
    String problem = problemOf(pattern);
    if (problem != null) throw new IllegalArgumentException(problem);
  }

  /** Whether this rule applies to the tool {@code toolId}. */
  public boolean matches(String toolId) {
    if (pattern.equals("*")) return true;
    if (pattern.endsWith(".*"))
      return toolId.startsWith(pattern.substring(0, pattern.length() - 1));
    return toolId.equals(pattern);
  }

  /** What kind of pattern this is. */
  public Kind kind() {
    if (pattern.equals("*")) return Kind.ANY;
    return pattern.endsWith(".*") ? Kind.PREFIX : Kind.EXACT;
  }

  /**
   * How specific the pattern is: exact ids above every prefix, longer prefixes above shorter ones,
   * {@code *} lowest. Of the rules matching one id, exactly one has the highest specificity.
   */
  public int specificity() {
    return switch (kind()) {
      case EXACT -> Integer.MAX_VALUE;
      case PREFIX -> pattern.length();
      case ANY -> 0;
    };
  }

  /**
   * Whether every id this rule matches is matched by {@code other} too ({@code *} covers all,
   * {@code a.*} covers {@code a.b.*} and {@code a.b}).
   */
  public boolean coveredBy(PolicyRule other) {
    return switch (kind()) {
      case ANY -> other.kind() == Kind.ANY;
      case EXACT -> other.matches(pattern);
      case PREFIX ->
          other.kind() == Kind.ANY
              || other.pattern.equals(pattern)
              || other.kind() == Kind.PREFIX
                  && pattern.startsWith(other.pattern.substring(0, other.pattern.length() - 1));
    };
  }

  /** The three kinds of pattern. */
  public enum Kind {
    EXACT,
    PREFIX,
    ANY
  }

  public ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.put("pattern", pattern);
    json.put("action", action.wireName());
    return json;
  }

  /**
   * @throws IllegalArgumentException when {@code json} is not {@code {"pattern", "action"}}
   */
  public static PolicyRule fromJson(JsonNode json) {
    String pattern = Json.text(json, "pattern");
    String action = Json.text(json, "action");
    if (pattern == null || action == null) {
      throw new IllegalArgumentException("a policy rule needs \"pattern\" and \"action\" strings");
    }
    return new PolicyRule(pattern, PolicyAction.fromWireName(action));
  }

  private static String problemOf(String pattern) {
    if (pattern.isEmpty()
        || !pattern.strip().equals(pattern)
        || pattern.chars().anyMatch(Character::isWhitespace)) {
      return "a policy pattern must be non-empty and without spaces: \"" + pattern + "\"";
    }
    if (pattern.equals("*")) return null;
    String head = pattern.endsWith(".*") ? pattern.substring(0, pattern.length() - 2) : pattern;
    if (head.isEmpty() || head.contains("*")) {
      return "policy pattern \""
          + pattern
          + "\" must be *, a tool id, or prefix.* (a * only at the end, after a dot)";
    }
    return null;
  }
}
