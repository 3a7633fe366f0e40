package dev.executortools.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of approval rules over random rule sets and ids (seeded, so a failure repeats): the
 * order rules come in never changes a decision, the decision is the most specific matching rule's,
 * and a first-match rule list keeps every decision when migrated.
 */
class RuleOrderPropertyTest {
  private static final long SEED = 20261129L;
  private static final int ROUNDS = 2_000;
  private static final String[] SEGMENTS = {"a", "b", "ab", "c"};
  private static final String[] METHODS = {null, "get", "post", "delete"};

  private final Random random = new Random(SEED);

  @Test
  void theOrderOfRulesNeverChangesADecision() {
    for (int round = 0; round < ROUNDS; round++) {
      List<PolicyRule> rules = randomRuleSet();
      List<PolicyRule> shuffled = new ArrayList<>(rules);
      Collections.shuffle(shuffled, random);
      ApprovalPolicy given = new ApprovalPolicy(rules);
      ApprovalPolicy reordered = new ApprovalPolicy(shuffled);
      for (int i = 0; i < 20; i++) {
        String id = randomId();
        String method = METHODS[random.nextInt(METHODS.length)];
        assertThat(reordered.decide(id, method))
            .as("round %d: %s for %s", round, rules, id)
            .isEqualTo(given.decide(id, method));
      }
      assertThat(reordered.rules()).isEqualTo(given.rules());
    }
  }

  @Test
  void theDecidingRuleIsTheMostSpecificMatchingOne() {
    for (int round = 0; round < ROUNDS; round++) {
      List<PolicyRule> rules = randomRuleSet();
      ApprovalPolicy policy = new ApprovalPolicy(rules);
      String id = randomId();
      PolicyRule expected =
          rules.stream()
              .filter(r -> r.matches(id))
              .max((x, y) -> Integer.compare(x.specificity(), y.specificity()))
              .orElse(null);
      PolicyDecision decision = policy.explain(id, "get");
      assertThat(decision.rule()).as("%s for %s", rules, id).isEqualTo(expected);
      assertThat(decision.action())
          .isEqualTo(expected == null ? PolicyAction.APPROVE : expected.action());
      assertThat(decision.overridden())
          .allSatisfy(r -> assertThat(r.specificity()).isLessThan(expected.specificity()));
    }
  }

  @Test
  void migratingAFirstMatchListKeepsEveryDecision() {
    for (int round = 0; round < ROUNDS; round++) {
      List<PolicyRule> ordered = new ArrayList<>();
      int n = random.nextInt(8);
      for (int i = 0; i < n; i++) ordered.add(randomRule()); // duplicates of a pattern allowed here
      ApprovalPolicy migrated = new ApprovalPolicy(FirstMatchRules.migrate(ordered));
      for (int i = 0; i < 20; i++) {
        String id = randomId();
        PolicyAction firstMatch =
            ordered.stream()
                .filter(r -> r.matches(id))
                .map(PolicyRule::action)
                .findFirst()
                .orElse(ApprovalPolicy.defaultAction(id, "post"));
        assertThat(migrated.decide(id, "post")).as("%s for %s", ordered, id).isEqualTo(firstMatch);
      }
    }
  }

  /** Up to eight rules with distinct patterns. */
  private List<PolicyRule> randomRuleSet() {
    Map<String, PolicyRule> byPattern = new LinkedHashMap<>();
    int n = random.nextInt(9);
    for (int i = 0; i < n; i++) {
      PolicyRule rule = randomRule();
      byPattern.putIfAbsent(rule.pattern(), rule);
    }
    return List.copyOf(byPattern.values());
  }

  private PolicyRule randomRule() {
    PolicyAction action = PolicyAction.values()[random.nextInt(PolicyAction.values().length)];
    int kind = random.nextInt(5);
    if (kind == 0) return new PolicyRule("*", action);
    String head = randomId(1 + random.nextInt(3));
    return new PolicyRule(kind <= 2 ? head + ".*" : head, action);
  }

  private String randomId() {
    return randomId(1 + random.nextInt(4));
  }

  private String randomId(int segments) {
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < segments; i++) {
      if (i > 0) id.append('.');
      id.append(SEGMENTS[random.nextInt(SEGMENTS.length)]);
    }
    return id.toString();
  }
}
