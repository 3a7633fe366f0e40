package dev.executortools.registry;

import dev.executortools.ApprovalHandler;
import dev.executortools.ApprovalRequest;
import dev.executortools.ErrorCode;
import dev.executortools.StoreProblem;
import dev.executortools.Tool;
import dev.executortools.ToolError;
import dev.executortools.ToolResult;
import dev.executortools.auth.SignInException;
import dev.executortools.home.StoreException;
import dev.executortools.internal.Json;
import dev.executortools.schema.ArgumentProblem;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The failures a call can meet before it runs, each saying what to do next. */
final class CallErrors {
  private CallErrors() {}

  /**
   * An id that names no tool: {@code store_failed} when it belongs to a stored source that cannot
   * be read (naming the source and the file), else {@code unknown_tool} with the closest of the
   * {@code suggestions} (the closest visible ids) in {@code details.suggestions}.
   */
  static ToolResult unknownTool(
      String id, List<StoreProblem> problems, Supplier<List<String>> closest) {
    for (StoreProblem problem : problems) {
      if (!id.startsWith(problem.namespace() + ".")) continue;
      ObjectNode details = Json.object().put("sourceId", problem.namespace());
      if (problem.file() != null) details.put("file", problem.file());
      return ToolResult.failure(
          ToolError.of(
                  ErrorCode.STORE_FAILED,
                  "'"
                      + abbreviate(id)
                      + "' belongs to source '"
                      + problem.namespace()
                      + "', which cannot be loaded: "
                      + problem.message())
              .withDetails(details));
    }
    List<String> suggestions = closest.get();
    ObjectNode details = Json.object();
    suggestions.forEach(details.putArray("suggestions")::add);
    String hint =
        suggestions.isEmpty()
            ? ""
            : "; did you mean '" + suggestions.get(0) + "'? (details.suggestions)";
    return ToolResult.failure(
        ToolError.of(ErrorCode.UNKNOWN_TOOL, "no tool with id '" + abbreviate(id) + "'" + hint)
            .withDetails(details));
  }

  /**
   * Null when {@code approvals} approves {@code request}; else {@code approval_required} (no one to
   * ask) or {@code approval_declined}. A call naming stored secrets is refused alike whether they
   * exist or not: the answer tells a caller nothing about which secrets there are.
   */
  static ToolResult unapproved(ApprovalRequest request, ApprovalHandler approvals) {
    String id = request.tool().id();
    if (approvals == null) {
      String noOne = " and no one can be asked (on the command line: call --yes)";
      if (request.secrets().isEmpty()) {
        return ToolResult.failure(
            ErrorCode.APPROVAL_REQUIRED, "'" + id + "' requires approval" + noOne);
      }
      ObjectNode details = Json.object();
      request.secrets().forEach(details.putArray("secrets")::add);
      return ToolResult.failure(
          ToolError.of(
                  ErrorCode.APPROVAL_REQUIRED,
                  "'"
                      + id
                      + "' names stored"
                      + " secrets ("
                      + String.join(", ", request.secrets())
                      + "), which are only used when a person"
                      + " approves the call,"
                      + noOne)
              .withDetails(details));
    }
    if (!approvals.approve(request)) {
      return ToolResult.failure(
          ErrorCode.APPROVAL_DECLINED, "the call to '" + id + "' was declined");
    }
    return null;
  }

  /**
   * A call's sign-in is missing or lost ({@code auth_required}, naming the command that signs in
   * again), or renewing it failed; nothing was sent to the API.
   */
  static ToolResult signInNeeded(String source, String scheme, SignInException e) {
    String command = "executor-tools auth login " + source + " --scheme " + scheme;
    ErrorCode code =
        switch (e.kind()) {
          case AUTH_REQUIRED -> ErrorCode.AUTH_REQUIRED;
          case TIMEOUT -> ErrorCode.TIMEOUT;
          case NETWORK -> ErrorCode.NETWORK_ERROR;
          case FAILED -> ErrorCode.UPSTREAM_HTTP_ERROR;
        };
    String message =
        code == ErrorCode.AUTH_REQUIRED
            ? "source '"
                + source
                + "' needs a sign-in for scheme '"
                + scheme
                + "' ("
                + e.getMessage()
                + "); sign in with: "
                + command
            : "renewing the sign-in of source '"
                + source
                + "' (scheme '"
                + scheme
                + "') failed: "
                + e.getMessage();
    ObjectNode details = Json.object().put("source", source).put("scheme", scheme);
    if (code == ErrorCode.AUTH_REQUIRED) details.put("command", command);
    return ToolResult.failure(ToolError.of(code, message).withDetails(details));
  }

  static ToolResult blocked(String id) {
    return ToolResult.failure(
        ErrorCode.BLOCKED,
        "'" + id + "' is blocked by a policy rule (see: policies explain " + id + ")");
  }

  static ToolResult policiesUnreadable(StoreException e) {
    return storeFailed(
        "approval policies cannot be read, so no tool runs until they are fixed: ", e);
  }

  /** State on disk that cannot be read: {@code store_failed}, the file in {@code details.file}. */
  static ToolResult storeFailed(String what, StoreException e) {
    ObjectNode details = Json.object();
    if (e.file() != null) details.put("file", e.file().toString());
    return ToolResult.failure(
        ToolError.of(ErrorCode.STORE_FAILED, what + e.getMessage())
            .withDetails(details.isEmpty() ? null : details));
  }

  static ToolResult invalidArguments(Tool tool, List<ArgumentProblem> problems) {
    ObjectNode details = Json.object();
    ArrayNode errors = details.putArray("errors");
    for (ArgumentProblem problem : problems) {
      errors.addObject().put("path", problem.path()).put("message", problem.message());
    }
    ArgumentProblem first = problems.get(0);
    String where = first.path().isEmpty() ? "" : first.path() + ": ";
    String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "";
    return ToolResult.failure(
        ToolError.of(
                ErrorCode.INVALID_ARGUMENTS,
                "arguments do not match the input schema of '"
                    + tool.id()
                    + "': "
                    + where
                    + first.message()
                    + more)
            .withDetails(details));
  }

  static String abbreviate(String id) {
    String clean = id.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 200 ? clean.substring(0, 200) + "..." : clean;
  }
}
