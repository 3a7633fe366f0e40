package dev.executortools;

import tools.jackson.databind.JsonNode;

/**
 * Asked before a tool that requires approval runs, and before any call that names a stored secret.
 * A registry without a handler answers such calls with {@code approval_required}; a handler that
 * says no yields {@code approval_declined}.
 */
@FunctionalInterface
public interface ApprovalHandler {
  /** Approves everything: what {@code call --yes} uses. */
  ApprovalHandler APPROVE_ALL = (tool, arguments) -> true;

  /** True to let the call run. Called on the calling thread; may block to ask a person. */
  boolean approve(Tool tool, JsonNode arguments);

  /**
   * True to let the call run. The registry calls this one; override it to show a person where the
   * call goes and which stored secrets it sends ({@link ApprovalRequest#summary()}). By default it
   * asks {@link #approve(Tool, JsonNode)}.
   */
  default boolean approve(ApprovalRequest request) {
    return approve(request.tool(), request.arguments());
  }
}
