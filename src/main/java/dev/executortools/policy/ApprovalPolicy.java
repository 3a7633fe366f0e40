package dev.executortools.policy;

import dev.executortools.Tool;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides, per call, whether a tool runs, needs approval or is refused. Of the rules that match a
 * tool id, the most specific decides ({@link PolicyRule#PRECEDENCE}: the exact id, then the longest
 * {@code prefix.*}, then {@code *}), so the order rules were added in never matters. When none
 * matches, tools whose HTTP method is not GET, HEAD or OPTIONS (and {@code openapi.addSource}) need
 * approval, everything else is approved.
 */
public final class ApprovalPolicy {
  /** The static tool that adds a source; it changes state, so it needs approval by default. */
  public static final String ADD_SOURCE_TOOL = "openapi.addSource";

  private static final Set<String> SAFE_METHODS = Set.of("get", "head", "options");

  private final List<PolicyRule> rules;

  /**
   * @param rules at most one rule per pattern, in any order
   * @throws IllegalArgumentException when two rules have the same pattern
   */
  public ApprovalPolicy(List<PolicyRule> rules) {
    Set<String> patterns = new HashSet<>();
    for (PolicyRule rule : rules) {
      if (!patterns.add(rule.pattern())) {
        throw new IllegalArgumentException("two rules have the pattern \"" + rule.pattern() + "\"");
      }
    }
    this.rules = rules.stream().sorted(PolicyRule.PRECEDENCE).toList();
  }

  /** The policy without rules: only the default applies. */
  public static ApprovalPolicy defaults() {
    return new ApprovalPolicy(List.of());
  }

  /** The rules in the order they apply: exact ids, then longer prefixes, then {@code *}. */
  public List<PolicyRule> rules() {
    return rules;
  }

  /** The action for {@code tool}: by the most specific matching rule, else by its method and id. */
  public PolicyAction decide(Tool tool) {
    return decide(tool.id(), tool.annotations().method());
  }

  /**
   * The action for a tool given by id and HTTP method.
   *
   * @param method the HTTP method (any case), or null for a tool that makes no HTTP call
   */
  public PolicyAction decide(String toolId, String method) {
    for (PolicyRule rule : rules) {
      if (rule.matches(toolId)) return rule.action();
    }
    return defaultAction(toolId, method);
  }

  /** Which rule decides the tool, the rules it wins over, and why, in words. */
  public PolicyDecision explain(String toolId, String method) {
    List<PolicyRule> matching = new ArrayList<>();
    for (PolicyRule rule : rules) {
      if (rule.matches(toolId)) matching.add(rule);
    }
    if (matching.isEmpty()) {
      PolicyAction action = defaultAction(toolId, method);
      return new PolicyDecision(
          toolId, action, null, List.of(), defaultReason(toolId, method, action));
    }
    PolicyRule winner = matching.get(0);
    List<PolicyRule> overridden = List.copyOf(matching.subList(1, matching.size()));
    String reason =
        switch (winner.kind()) {
          case EXACT ->
              "rule '"
                  + winner.pattern()
                  + "' names this tool exactly; an exact id wins over every prefix.* and *";
          case PREFIX ->
              "rule '"
                  + winner.pattern()
                  + "' is the longest prefix.* rule matching this id"
                  + " and no rule names the id exactly";
          case ANY -> "rule '*' applies because no exact or prefix.* rule matches this id";
        };
    if (!overridden.isEmpty()) {
      reason +=
          "; it wins over "
              + String.join(", ", overridden.stream().map(r -> "'" + r.pattern() + "'").toList());
    }
    return new PolicyDecision(toolId, winner.action(), winner, overridden, reason);
  }

  /** The action when no rule matches. */
  public static PolicyAction defaultAction(String toolId, String method) {
    if (toolId.equals(ADD_SOURCE_TOOL)) return PolicyAction.REQUIRE_APPROVAL;
    if (method != null && !SAFE_METHODS.contains(method.toLowerCase(Locale.ROOT))) {
      return PolicyAction.REQUIRE_APPROVAL;
    }
    return PolicyAction.APPROVE;
  }

  private static String defaultReason(String toolId, String method, PolicyAction action) {
    String prefix = "no rule matches, so the default applies: ";
    if (toolId.equals(ADD_SOURCE_TOOL)) return prefix + ADD_SOURCE_TOOL + " requires approval";
    if (method == null) return prefix + "a tool that makes no HTTP call is approved";
    String upper = method.toUpperCase(Locale.ROOT);
    return prefix
        + (action == PolicyAction.APPROVE
            ? upper + " tools are approved (GET, HEAD and OPTIONS change nothing)"
            : upper + " tools require approval (only GET, HEAD and OPTIONS run without)");
  }

  @Override
  public String toString() {
    return "ApprovalPolicy" + rules;
  }
}
