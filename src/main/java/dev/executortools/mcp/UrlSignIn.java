package dev.executortools.mcp;

import dev.executortools.ErrorCode;
import dev.executortools.SignInPrompt;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Signing in through MCP URL-mode elicitation (MCP 2025-11-25): when a call answers {@code
 * auth_required} and its client can open URLs, the server signs in to the scheme the answer names,
 * asking the client to open the authorization URL (or the device verification page) for the person,
 * and the call goes on once the sign-in completes. A client that declines, cannot open URLs or does
 * not answer gets the {@code auth_required} answer, which names the command that signs in.
 */
final class UrlSignIn {
  private UrlSignIn() {}

  /** Whether a client opens URLs for the person: it declares elicitation with {@code url}. */
  static boolean opensUrls(McpSchema.@Nullable ClientCapabilities capabilities) {
    McpSchema.ClientCapabilities.Elicitation elicitation =
        capabilities == null ? null : capabilities.elicitation();
    return elicitation != null && elicitation.url() != null;
  }

  /**
   * {@code result}, or when it asks for a sign-in the client can help with, the sign-in and then
   * {@code retry}'s result.
   */
  static ToolResult signingIn(
      ToolRegistry registry,
      McpSyncServerExchange exchange,
      ToolResult result,
      Supplier<ToolResult> retry) {
    if (result.ok() || result.error().code() != ErrorCode.AUTH_REQUIRED) return result;
    if (exchange == null || !opensUrls(exchange.getClientCapabilities())) return result;
    JsonNode details = result.error().details();
    String source = details == null ? null : details.path("source").asString(null);
    String scheme = details == null ? null : details.path("scheme").asString(null);
    if (source == null || scheme == null) return result;
    ToolResult signedIn;
    try {
      signedIn = registry.signIn(source, scheme, prompt(exchange, source));
    } catch (Declined e) {
      return result;
    }
    return signedIn.ok() ? retry.get() : result;
  }

  /** The person did not agree to open the page (declined, cancelled, or no answer). */
  private static final class Declined extends RuntimeException {
    Declined() {
      super("the client did not open the sign-in page", null, false, false);
    }
  }

  private static SignInPrompt prompt(McpSyncServerExchange exchange, String source) {
    return new SignInPrompt() {
      @Override
      public void openUrl(String url) {
        ask(exchange, "Sign in to " + source + " to let executor-tools make this call.", url);
      }

      @Override
      public void showCode(
          String verificationUri, String userCode, @Nullable String verificationUriComplete) {
        ask(
            exchange,
            "Sign in to " + source + ": enter the code " + userCode + " on the page.",
            verificationUriComplete != null ? verificationUriComplete : verificationUri);
      }
    };
  }

  private static void ask(McpSyncServerExchange exchange, String message, String url) {
    McpSchema.ElicitResult answer;
    try {
      answer =
          exchange.createElicitation(
              McpSchema.ElicitUrlRequest.builder(message, url, UUID.randomUUID().toString())
                  .build());
    } catch (RuntimeException e) {
      throw new Declined();
    }
    if (answer == null || answer.action() != McpSchema.ElicitResult.Action.ACCEPT)
      throw new Declined();
  }
}
