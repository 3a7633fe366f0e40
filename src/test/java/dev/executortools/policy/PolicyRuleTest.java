package dev.executortools.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.executortools.internal.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyRuleTest {

  @Test
  void starMatchesEveryTool() {
    PolicyRule rule = new PolicyRule("*", PolicyAction.BLOCK);

    assertThat(rule.matches("github.repos.get")).isTrue();
    assertThat(rule.matches("openapi.addSource")).isTrue();
  }

  @Test
  void anExactIdMatchesOnlyThatTool() {
    PolicyRule rule = new PolicyRule("github.repos.get", PolicyAction.APPROVE);

    assertThat(rule.matches("github.repos.get")).isTrue();
    assertThat(rule.matches("github.repos.getContent")).isFalse();
    assertThat(rule.matches("github.repos")).isFalse();
  }

  @Test
  void aPrefixPatternMatchesIdsBelowThePrefixButNotThePrefixItself() {
    PolicyRule rule = new PolicyRule("github.*", PolicyAction.BLOCK);

    assertThat(rule.matches("github.repos.get")).isTrue();
    assertThat(rule.matches("github.x")).isTrue();
    assertThat(rule.matches("github")).isFalse();
    assertThat(rule.matches("githubenterprise.repos.get")).isFalse();
    assertThat(new PolicyRule("github.repos.*", PolicyAction.BLOCK).matches("github.repos.get"))
        .isTrue();
    assertThat(new PolicyRule("github.repos.*", PolicyAction.BLOCK).matches("github.issues.get"))
        .isFalse();
  }

  @Test
  void patternsWithAStarElsewhereOrBlanksAreRejected() {
    for (String bad : List.of("", " ", "git*", "*.get", "github.*.get", ".*", "a b", "github.**")) {
      assertThatThrownBy(() -> new PolicyRule(bad, PolicyAction.BLOCK))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void actionsUseTheirSnakeCaseWireNames() {
    assertThat(PolicyAction.REQUIRE_APPROVAL.wireName()).isEqualTo("require_approval");
    assertThat(PolicyAction.fromWireName("block")).isEqualTo(PolicyAction.BLOCK);
    assertThatThrownBy(() -> PolicyAction.fromWireName("allow"))
        .hasMessage("unknown policy action \"allow\"; use one of approve, require_approval, block");
  }

  @Test
  void aRuleReadsBackFromItsJson() {
    PolicyRule rule = new PolicyRule("github.*", PolicyAction.REQUIRE_APPROVAL);

    assertThat(Json.write(rule.toJson()))
        .isEqualTo("{\"pattern\":\"github.*\",\"action\":\"require_approval\"}");
    assertThat(PolicyRule.fromJson(rule.toJson())).isEqualTo(rule);
    assertThatThrownBy(() -> PolicyRule.fromJson(Json.parse("{\"pattern\":\"*\"}")))
        .hasMessageContaining("needs \"pattern\" and \"action\"");
  }
}
