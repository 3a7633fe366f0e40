package dev.executortools.policy;

import dev.executortools.internal.Json;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Why a tool gets its action ({@code policies explain}).
 *
 * @param rule the rule that decides, or null when none matches and the default applies
 * @param overridden the other matching rules, less specific than {@code rule}, in the order they
 *     apply
 * @param reason the decision in words
 */
public record PolicyDecision(
    String toolId,
    PolicyAction action,
    PolicyRule rule,
    List<PolicyRule> overridden,
    String reason) {

  public PolicyDecision {
    overridden = List.copyOf(overridden);
  }

  /**
   * {@code {"id", "action", "rule": {"pattern", "action"} | null, "overridden": [...], "reason"}}.
   */
  public ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.put("id", toolId);
    json.put("action", action.wireName());
    if (rule == null) json.putNull("rule");
    else json.set("rule", rule.toJson());
    ArrayNode others = json.putArray("overridden");
    overridden.forEach(r -> others.add(r.toJson()));
    json.put("reason", reason);
    return json;
  }
}
