package dev.executortools;

import dev.executortools.internal.Json;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code error} of a failed tool result. {@code status}, {@code details} and {@code retryable}
 * are present only where they apply. Messages never carry secret values.
 */
public record ToolError(
    ErrorCode code,
    String message,
    @Nullable Integer status,
    @Nullable JsonNode details,
    @Nullable Boolean retryable) {

  public ToolError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  public static ToolError of(ErrorCode code, String message) {
    return new ToolError(code, message, null, null, null);
  }

  public ToolError withDetails(JsonNode details) {
    return new ToolError(code, message, status, details, retryable);
  }

  public ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.put("code", code.wireName());
    json.put("message", message);
    if (status != null) json.put("status", status);
    if (details != null) json.set("details", details);
    if (retryable != null) json.put("retryable", retryable);
    return json;
  }

  public static ToolError fromJson(JsonNode json) {
    JsonNode status = json.get("status");
    JsonNode retryable = json.get("retryable");
    return new ToolError(
        ErrorCode.fromWireName(json.get("code").stringValue()),
        json.get("message").stringValue(),
        status == null || status.isNull() ? null : status.intValue(),
        json.get("details"),
        retryable == null || retryable.isNull() ? null : retryable.booleanValue());
  }
}
