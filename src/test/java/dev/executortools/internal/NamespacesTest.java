package dev.executortools.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamespacesTest {
  @ParameterizedTest(name = "''{0}'' -> ''{1}''")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "GitHub v3 REST API, github_v3_rest_api",
        "httpbin.org, httpbin_org",
        "Stripe API, stripe_api",
        "'  Padded  ', _padded_",
        "Ünïcode Title!, _n_code_title_",
        "already_snake, already_snake",
        "a__b, a_b",
        "NULL, api",
        "'', ''",
      })
  void titleIsLowerCasedWithRunsOfOtherCharactersAsUnderscore(String title, String expected) {
    assertThat(Namespaces.fromTitle(title)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}'' valid: {1}")
  @CsvSource({
    "github, true",
    "github_v3_rest_api, true",
    "_, true",
    "a1, true",
    "openapi, false",
    "aws_sso_oidc, false",
    "'', false",
    "GitHub, false",
    "git-hub, false",
    "git.hub, false",
  })
  void validNamespacesAreLowerSnakeAndNotReserved(String namespace, boolean valid) {
    assertThat(Namespaces.isValid(namespace)).isEqualTo(valid);
  }

  @org.junit.jupiter.api.Test
  void everyRuleOfANewSourcesNamespaceIsOneAnswerWithTheReason() {
    assertThat(Namespaces.problem("github")).isNull();
    assertThat(Namespaces.problem("openapi")).contains("reserved");
    assertThat(Namespaces.problem("aws_sso_oidc")).contains("reserved");
    assertThat(Namespaces.problem("a".repeat(128))).isNull();
    assertThat(Namespaces.problem("a".repeat(129))).contains("1 to 128 characters");
    assertThat(Namespaces.problem("Git-Hub")).contains("[a-z0-9_]");
    assertThat(Namespaces.isWellFormed("aws_sso_oidc"))
        .as("a stored name may be any well-formed one")
        .isTrue();
  }
}
