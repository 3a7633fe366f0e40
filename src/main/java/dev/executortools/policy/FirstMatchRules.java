package dev.executortools.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Rules written when the first matching rule won (policies file format 1), turned into a rule set
 * where the most specific wins with the same decision for every id.
 *
 * <p>A rule that an earlier rule covers ({@link PolicyRule#coveredBy}: the same pattern, {@code *},
 * or a shorter prefix) never decided anything under first-match, so it is dropped; for two rules
 * with one pattern, that keeps the first, as before. What remains decides alike under both
 * readings: the rules matching one id are nested, and no later one is more specific than the first.
 */
final class FirstMatchRules {
  private FirstMatchRules() {}

  /** The rules that ever decided something, one per pattern. */
  static List<PolicyRule> migrate(List<PolicyRule> ordered) {
    List<PolicyRule> kept = new ArrayList<>();
    List<PolicyRule> earlier = new ArrayList<>();
    for (PolicyRule rule : ordered) {
      boolean shadowed = earlier.stream().anyMatch(rule::coveredBy);
      earlier.add(rule);
      if (!shadowed) kept.add(rule);
    }
    return List.copyOf(kept);
  }
}
