package dev.executortools.catalog;

import dev.executortools.internal.Json;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What extracting one spec came to (its cache file holds the tools).
 *
 * @param reason why it is not {@code ok}, for people; null when ok
 * @param count the length of the cache file's {@code tools} (operations plus the two static tools)
 * @param operations how many operations became tools
 * @param millis how long the extraction took
 */
public record ExtractOutcome(
    ExtractStatus status, String reason, int count, int operations, long millis) {
  public ExtractOutcome {
    Objects.requireNonNull(status, "status");
  }

  public static ExtractOutcome failed(String reason, long millis) {
    return new ExtractOutcome(ExtractStatus.ERROR, reason, 0, 0, millis);
  }

  public ObjectNode toJson() {
    ObjectNode json = Json.object().put("status", status.wireName());
    if (reason != null) json.put("reason", reason);
    return json.put("count", count).put("operations", operations).put("millis", millis);
  }

  public static ExtractOutcome fromJson(JsonNode json) {
    return new ExtractOutcome(
        ExtractStatus.fromWireName(json.get("status").stringValue()),
        Json.text(json, "reason"),
        json.path("count").asInt(),
        json.path("operations").asInt(),
        json.path("millis").asLong());
  }
}
