package dev.executortools.result;

import dev.executortools.ErrorCode;
import dev.executortools.ToolError;
import dev.executortools.internal.Json;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The error model of sources that bring none: see {@link ErrorModel#GENERIC}. */
final class GenericErrorModel implements ErrorModel {
  static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 502, 503, 504);
  private static final List<String> MESSAGE_FIELDS =
      List.of("message", "error_description", "detail", "title", "error", "msg", "description");
  private static final int MAX_SUMMARY = 200;

  @Override
  public ToolError toError(ErrorResponse response) {
    ObjectNode details = Json.object();
    details.set("body", response.body());
    String retryAfter = response.header("retry-after");
    if (retryAfter != null) details.put("retryAfter", retryAfter);
    String summary = summary(response.body());
    String message = response.describe() + (summary == null ? "" : ": " + summary);
    return new ToolError(
        ErrorCode.UPSTREAM_HTTP_ERROR,
        message,
        response.status(),
        details,
        RETRYABLE_STATUSES.contains(response.status()));
  }

  /** The upstream's own short message: a well-known field of a JSON body, or a short text body. */
  static String summary(JsonNode body) {
    if (body.isString()) {
      String text = body.stringValue().strip();
      if (text.isEmpty() || text.startsWith("<")) return null;
      return shorten(text.lines().findFirst().orElse(text));
    }
    if (!body.isObject()) return null;
    for (String field : MESSAGE_FIELDS) {
      JsonNode value = body.get(field);
      if (value != null && value.isString() && !value.stringValue().isBlank()) {
        return shorten(value.stringValue().strip());
      }
      if (value != null && value.isObject()) {
        String nested = Json.text(value, "message");
        if (nested != null && !nested.isBlank()) return shorten(nested.strip());
      }
    }
    return null;
  }

  private static String shorten(String text) {
    return text.length() <= MAX_SUMMARY ? text : text.substring(0, MAX_SUMMARY) + "…";
  }
}
