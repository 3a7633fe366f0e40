package dev.executortools.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.ErrorCode;
import dev.executortools.Tool;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import org.junit.jupiter.api.Test;

class McpToolAdapterTest {
  private static Tool tool(String id) {
    try (ToolRegistry registry = ToolRegistry.builder().build()) {
      return registry.tool(id).orElseThrow();
    }
  }

  @Test
  void aToolKeepsItsIdAsTitleAndGetsHintsFromItsMethod() {
    McpSchema.Tool mcp = McpToolAdapter.tool(tool("token.createToken"), "token_createToken");

    assertThat(mcp.name()).isEqualTo("token_createToken");
    assertThat(mcp.title()).isEqualTo("token.createToken");
    assertThat(mcp.inputSchema()).containsEntry("type", "object").containsKey("properties");
    assertThat(mcp.annotations().readOnlyHint()).isFalse();
    assertThat(mcp.annotations().idempotentHint()).isFalse();
    assertThat(mcp.annotations().destructiveHint()).isFalse();
    assertThat(mcp.annotations().openWorldHint()).isTrue();
  }

  @Test
  void theToolsThatFetchUrlsSayTheyReachAnOpenWorld() {
    McpSchema.Tool preview =
        McpToolAdapter.tool(tool("openapi.previewSpec"), "openapi_previewSpec");
    McpSchema.Tool add = McpToolAdapter.tool(tool("openapi.addSource"), "openapi_addSource");

    assertThat(preview.annotations().openWorldHint()).isTrue();
    assertThat(preview.annotations().readOnlyHint()).isTrue();
    assertThat(add.annotations().openWorldHint()).isTrue();
    assertThat(add.annotations().destructiveHint()).isFalse();
  }

  @Test
  void aSuccessIsStructuredContentAndTheSameJsonAsText() {
    ToolResult ok = ToolResult.success(Json.object().put("answer", 42));

    McpSchema.CallToolResult result = McpToolAdapter.result(ok);

    assertThat(result.isError()).isFalse();
    assertThat(result.structuredContent())
        .isEqualTo(Map.of("ok", true, "data", Map.of("answer", 42)));
    assertThat(Json.parse(((McpSchema.TextContent) result.content().get(0)).text()))
        .isEqualTo(ok.toJson());
  }

  @Test
  void aFailureIsAnErrorResultCarryingTheErrorObject() {
    McpSchema.CallToolResult result =
        McpToolAdapter.result(ToolResult.failure(ErrorCode.BLOCKED, "no"));

    assertThat(result.isError()).isTrue();
    assertThat(((McpSchema.TextContent) result.content().get(0)).text())
        .contains("\"code\":\"blocked\"");
  }

  @Test
  void approvalRequiredNamesThePolicyRuleThatAllowsTheCall() {
    ToolResult explained =
        McpToolAdapter.explainApproval(
            ToolResult.failure(ErrorCode.APPROVAL_REQUIRED, "needs approval"),
            "github.repos.delete");

    assertThat(explained.error().code()).isEqualTo(ErrorCode.APPROVAL_REQUIRED);
    assertThat(explained.error().message())
        .contains("policies add 'github.repos.delete' approve")
        .contains("'github.*'");
    ToolResult other = ToolResult.failure(ErrorCode.BLOCKED, "no");
    assertThat(McpToolAdapter.explainApproval(other, "x.y")).isSameAs(other);
  }
}
