package dev.executortools;

import dev.executortools.internal.Json;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every tool call returns, on every interface: {@code {"ok": true, "data", "http"?}} or {@code
 * {"ok": false, "error"}}. A failure is a value; {@code call} never throws for one. Each call
 * builds its own result and the registry keeps none, so its JSON is the caller's to change.
 */
public record ToolResult(
    boolean ok, @Nullable JsonNode data, @Nullable HttpInfo http, @Nullable ToolError error) {

  public ToolResult {
    if (ok) {
      Objects.requireNonNull(data, "data (use NullNode for null)");
      if (error != null) throw new IllegalArgumentException("a successful result has no error");
    } else {
      Objects.requireNonNull(error, "error");
    }
  }

  public static ToolResult success(JsonNode data) {
    return new ToolResult(true, data, null, null);
  }

  public static ToolResult success(JsonNode data, @Nullable HttpInfo http) {
    return new ToolResult(true, data, http, null);
  }

  public static ToolResult failure(ToolError error) {
    return new ToolResult(false, null, null, error);
  }

  public static ToolResult failure(ErrorCode code, String message) {
    return failure(ToolError.of(code, message));
  }

  public ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.put("ok", ok);
    if (ok) {
      json.set("data", data);
      if (http != null) json.set("http", http.toJson());
    } else {
      json.set("error", error.toJson());
    }
    return json;
  }

  @Override
  public String toString() {
    return Json.write(toJson());
  }
}
