package dev.executortools.policy;

import dev.executortools.Tool;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides, per call, whether a tool runs, needs approval or is refused. Rules are tried in order
 * and the first that matches wins; when none does, tools whose HTTP method is not GET, HEAD or
 * OPTIONS (and {@code openapi.addSource}) need approval, everything else is approved.
 */
public final class ApprovalPolicy {
  /** The static tool that adds a source; it changes state, so it needs approval by default. */
  public static final String ADD_SOURCE_TOOL = "openapi.addSource";

  private static final Set<String> SAFE_METHODS = Set.of("get", "head", "options");

  private final List<PolicyRule> rules;

  public ApprovalPolicy(List<PolicyRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The policy without rules: only the default applies. */
  public static ApprovalPolicy defaults() {
    return new ApprovalPolicy(List.of());
  }

  public List<PolicyRule> rules() {
    return rules;
  }

  /** The action for {@code tool}: by the first matching rule, else by its method and id. */
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

  /** The action when no rule matches. */
  public static PolicyAction defaultAction(String toolId, String method) {
    if (toolId.equals(ADD_SOURCE_TOOL)) return PolicyAction.REQUIRE_APPROVAL;
    if (method != null && !SAFE_METHODS.contains(method.toLowerCase(Locale.ROOT))) {
      return PolicyAction.REQUIRE_APPROVAL;
    }
    return PolicyAction.APPROVE;
  }

  @Override
  public String toString() {
    return "ApprovalPolicy" + rules;
  }
}
