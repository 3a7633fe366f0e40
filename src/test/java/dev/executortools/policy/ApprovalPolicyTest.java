package dev.executortools.policy;

import static dev.executortools.policy.PolicyAction.APPROVE;
import static dev.executortools.policy.PolicyAction.BLOCK;
import static dev.executortools.policy.PolicyAction.REQUIRE_APPROVAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.Tool;
import dev.executortools.ToolAnnotations;
import dev.executortools.internal.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApprovalPolicyTest {

  static Tool http(String id, String method) {
    return new Tool(
        id,
        id.substring(id.indexOf('.') + 1),
        id.substring(0, id.indexOf('.')),
        "",
        Json.object(),
        null,
        ToolAnnotations.forHttp(method, "/x"));
  }

  static Tool local(String id, boolean readOnly) {
    return new Tool(
        id,
        id.substring(id.indexOf('.') + 1),
        "openapi",
        "",
        Json.object(),
        null,
        ToolAnnotations.forLocal(readOnly, !readOnly));
  }

  @ParameterizedTest
  @CsvSource({
    "get, APPROVE",
    "head, APPROVE",
    "options, APPROVE",
    "post, REQUIRE_APPROVAL",
    "put, REQUIRE_APPROVAL",
    "patch, REQUIRE_APPROVAL",
    "delete, REQUIRE_APPROVAL",
    "trace, REQUIRE_APPROVAL",
  })
  void byDefaultOnlyGetHeadAndOptionsRunWithoutApproval(String method, PolicyAction expected) {
    assertThat(ApprovalPolicy.defaults().decide(http("github.repos.x", method)))
        .isEqualTo(expected);
    assertThat(ApprovalPolicy.defaults().decide("github.repos.x", method.toUpperCase()))
        .isEqualTo(expected);
  }

  @Test
  void byDefaultAddSourceNeedsApprovalAndPreviewSpecDoesNot() {
    ApprovalPolicy policy = ApprovalPolicy.defaults();

    assertThat(policy.decide(local("openapi.addSource", false))).isEqualTo(REQUIRE_APPROVAL);
    assertThat(policy.decide(local("openapi.previewSpec", true))).isEqualTo(APPROVE);
  }

  @Test
  void theMostSpecificMatchingRuleWins() {
    ApprovalPolicy policy =
        new ApprovalPolicy(
            List.of(
                new PolicyRule("github.repos.delete", BLOCK),
                new PolicyRule("github.*", APPROVE),
                new PolicyRule("*", REQUIRE_APPROVAL)));

    assertThat(policy.decide(http("github.repos.delete", "delete"))).isEqualTo(BLOCK);
    assertThat(policy.decide(http("github.repos.create", "post"))).isEqualTo(APPROVE);
    assertThat(policy.decide(http("stripe.charges.list", "get"))).isEqualTo(REQUIRE_APPROVAL);
  }

  @Test
  void anExactIdWinsOverAWildcardGivenBeforeIt() {
    ApprovalPolicy policy =
        new ApprovalPolicy(
            List.of(new PolicyRule("*", APPROVE), new PolicyRule("github.repos.delete", BLOCK)));

    assertThat(policy.decide(http("github.repos.delete", "delete"))).isEqualTo(BLOCK);
    assertThat(policy.decide(http("github.repos.create", "post"))).isEqualTo(APPROVE);
  }

  @Test
  void aLongerPrefixWinsOverAShorterOne() {
    ApprovalPolicy policy =
        new ApprovalPolicy(
            List.of(new PolicyRule("github.*", BLOCK), new PolicyRule("github.repos.*", APPROVE)));

    assertThat(policy.decide(http("github.repos.delete", "delete"))).isEqualTo(APPROVE);
    assertThat(policy.decide(http("github.issues.list", "get"))).isEqualTo(BLOCK);
    assertThat(policy.rules())
        .extracting(PolicyRule::pattern)
        .containsExactly("github.repos.*", "github.*");
  }

  @Test
  void twoRulesWithOnePatternAreRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new ApprovalPolicy(
                    List.of(new PolicyRule("a.*", BLOCK), new PolicyRule("a.*", APPROVE))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rulesCanApproveAddSourceOrBlockPreviewSpec() {
    ApprovalPolicy policy =
        new ApprovalPolicy(
            List.of(
                new PolicyRule("openapi.addSource", APPROVE), new PolicyRule("openapi.*", BLOCK)));

    assertThat(policy.decide(local("openapi.addSource", false))).isEqualTo(APPROVE);
    assertThat(policy.decide(local("openapi.previewSpec", true))).isEqualTo(BLOCK);
  }

  @Test
  void toolsNotMatchedByAnyRuleFallBackToTheDefault() {
    ApprovalPolicy policy = new ApprovalPolicy(List.of(new PolicyRule("github.*", BLOCK)));

    assertThat(policy.decide(http("stripe.charges.create", "post"))).isEqualTo(REQUIRE_APPROVAL);
    assertThat(policy.decide(http("stripe.charges.list", "get"))).isEqualTo(APPROVE);
  }
}
