package dev.executortools.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.executortools.ApprovalHandler;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shared pieces of the exfiltration tests: the credentials a user gives a source (each value
 * unique, so any occurrence on the foreign host is a leak), a small spec whose server is a
 * template, and registries with and without the private-network allowance.
 */
final class Exfiltration {
  static final String API_KEY = "k3y-for-the-trusted-host-only-9f2c";
  static final String TOKEN = "t0ken-for-the-trusted-host-only-77ab";
  static final String COOKIE = "session=c00kie-for-the-trusted-host-only-5e1d";
  static final String QUERY_KEY = "q-for-the-trusted-host-only-31d0";
  static final List<String> SECRETS =
      List.of(API_KEY, TOKEN, "c00kie-for-the-trusted-host-only-5e1d", QUERY_KEY);

  private Exfiltration() {}

  /** One GET operation ({@code items.listItems}) under {@code serversYaml}. */
  static String spec(String serversYaml) {
    return """
        openapi: 3.0.3
        info: {title: Vars, version: "1"}
        servers:
        %s
        paths:
          /items:
            get:
              operationId: listItems
              tags: [items]
              responses: {"200": {description: ok}}
        """
        .formatted(serversYaml.indent(2).stripTrailing());
  }

  /**
   * A registry as a model's host runs it: private addresses allowed only when {@code allowPrivate}.
   */
  static ToolRegistry registry(boolean allowPrivate) {
    return ToolRegistry.builder()
        .approvals(ApprovalHandler.APPROVE_ALL)
        .environment(Map.of())
        .allowPrivateNetwork(allowPrivate)
        .build();
  }

  /** {@code headers} and {@code queryParams} with every credential. */
  static void putCredentials(ObjectNode target) {
    target
        .putObject("headers")
        .put("X-Api-Key", API_KEY)
        .put("Authorization", "Bearer " + TOKEN)
        .put("Cookie", COOKIE);
    target.putObject("queryParams").put("api_key", QUERY_KEY);
  }

  /** The foreign host saw no credential in any request it received. */
  static void assertNoCredentialIn(List<LoggedRequest> requests) {
    for (LoggedRequest request : requests) {
      assertThat(request.containsHeader("X-Api-Key"))
          .as("X-Api-Key on %s", request.getUrl())
          .isFalse();
      assertThat(request.containsHeader("Authorization")).as("Authorization").isFalse();
      assertThat(request.containsHeader("Cookie")).as("Cookie").isFalse();
      String all = request.getUrl() + request.getHeaders() + request.getBodyAsString();
      for (String secret : SECRETS) assertThat(all).doesNotContain(secret);
    }
  }

  static void assertCode(ToolResult result, String code) {
    assertThat(result.ok()).as("%s", result).isFalse();
    assertThat(result.error().code().wireName()).as("%s", result).isEqualTo(code);
    String shown = result.toString();
    for (String secret : SECRETS) assertThat(shown).doesNotContain(secret);
  }
}
