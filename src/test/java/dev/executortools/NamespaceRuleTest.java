package dev.executortools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.internal.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * One rule decides a new source's namespace, whether it is given or derived from the spec's title,
 * and whichever way the source is added: a namespace that may not be taken is {@code
 * invalid_arguments} saying why, and nothing is stored.
 */
class NamespaceRuleTest {
  private static String spec(String title) {
    return "{\"openapi\": \"3.0.0\", \"info\": {\"title\": \""
        + title
        + "\", \"version\": \"1\"}, \"paths\": {}}";
  }

  @ParameterizedTest(name = "namespace ''{0}'', title ''{1}''")
  @CsvSource({
    "openapi, Pets, reserved",
    "aws_sso_oidc, Pets, reserved",
    ", openapi, reserved",
    ", AWS SSO OIDC, reserved",
    ", '', 1 to 128 characters",
  })
  void aNamespaceThatMayNotBeTakenIsRefusedWithTheReason(String given, String title, String why) {
    ObjectNode args = Json.object().put("spec", spec(title));
    if (given != null) args.put("namespace", given);
    try (ToolRegistry registry =
        ToolRegistry.builder().approvals(ApprovalHandler.APPROVE_ALL).build()) {
      for (ToolResult result :
          new ToolResult[] {registry.addSource(args), registry.call("openapi.addSource", args)}) {
        assertThat(result.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENTS);
        assertThat(result.error().message()).contains(why);
      }
      assertThat(registry.sources()).isEmpty();
    }
  }

  @ParameterizedTest(name = "title of {0} characters")
  @CsvSource({"128, true", "129, false"})
  void aTitleDerivedNamespaceFollowsTheSameLengthRule(int length, boolean added) {
    ObjectNode args = Json.object().put("spec", spec("a".repeat(length)));
    try (ToolRegistry registry = ToolRegistry.builder().build()) {
      ToolResult result = registry.addSource(args);

      assertThat(result.ok()).as(result.toJson().toString()).isEqualTo(added);
      if (!added) assertThat(result.error().message()).contains("1 to 128 characters");
    }
  }
}
