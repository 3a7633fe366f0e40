package dev.executortools.policy;

import dev.executortools.internal.Json;
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
