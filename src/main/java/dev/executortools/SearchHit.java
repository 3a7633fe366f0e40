package dev.executortools;

import dev.executortools.internal.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * One ranked tool: its id, a short description (the operation's summary, else the start of its
 * description) and a score (higher is better; comparable within one query only).
 */
public record SearchHit(String id, String description, double score) {

  public ObjectNode toJson() {
    return Json.object().put("id", id).put("description", description).put("score", score);
  }
}
