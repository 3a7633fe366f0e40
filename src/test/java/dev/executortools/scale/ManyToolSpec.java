package dev.executortools.scale;

import dev.executortools.internal.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes an OpenAPI document of many operations whose descriptions are long (each its own text), so
 * that holding every tool in memory takes far more heap than streaming them. One operation, {@code
 * sendMail}, is the one a search for "send mail" must find. Deterministic.
 */
final class ManyToolSpec {
  private static final String[] WORDS = {
    "report", "ledger", "invoice", "quota", "widget", "region", "cluster", "backup", "archive",
    "metric", "export", "import", "schedule", "rotation", "policy", "budget", "device", "sensor",
    "tenant", "shard", "replica", "window", "channel", "segment", "cohort", "license", "vendor",
    "catalog", "label", "badge", "ticket", "batch", "stream", "bucket", "volume", "snapshot"
  };

  private ManyToolSpec() {}

  /**
   * {@code operations} operations with descriptions of about {@code descriptionChars} characters.
   */
  static void write(Path file, int operations, int descriptionChars) throws Exception {
    Random random = new Random(7);
    ObjectNode doc = Json.object().put("openapi", "3.0.3");
    doc.putObject("info").put("title", "Many tools").put("version", "1");
    doc.putArray("servers").addObject().put("url", "https://many.example.com");
    ObjectNode paths = doc.putObject("paths");
    for (int i = 0; i < operations; i++) {
      String a = WORDS[i % WORDS.length];
      String b = WORDS[(i / WORDS.length) % WORDS.length];
      ObjectNode op =
          paths
              .putObject("/" + a + "s/" + b + "s/" + i)
              .putObject("get")
              .put("operationId", a + "_" + b + "_" + i)
              .put("summary", "Get the " + a + " " + b + " number " + i);
      op.put("description", text(random, descriptionChars));
      op.putObject("responses").putObject("200").put("description", "ok");
    }
    ObjectNode send =
        paths
            .putObject("/mail/send")
            .putObject("post")
            .put("operationId", "sendMail")
            .put("summary", "Send an email message")
            .put("description", "Sends a new email message to its recipients.");
    ObjectNode body =
        send.putObject("requestBody")
            .putObject("content")
            .putObject("application/json")
            .putObject("schema")
            .put("type", "object");
    body.putObject("properties").putObject("subject").put("type", "string");
    send.putObject("responses").putObject("202").put("description", "accepted");
    Files.writeString(file, Json.write(doc));
  }

  private static String text(Random random, int chars) {
    StringBuilder text = new StringBuilder(chars + 16);
    while (text.length() < chars)
      text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(1000)).append(' ');
    return text.toString();
  }
}
