package dev.executortools.bench;

import dev.executortools.internal.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a Microsoft-Graph-shaped OpenAPI document for the benchmark: many operations over a few
 * thousand entity schemas that all reach each other, so every tool's {@code $defs} is large.
 * Deterministic. Usage: {@code SyntheticGraphSpec OUT.json [OPERATIONS] [ENTITIES]} (defaults 22000
 * and 3000: about 23 MB).
 */
public final class SyntheticGraphSpec {
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "target/synthetic-graph.json");
    int operations = args.length > 1 ? Integer.parseInt(args[1]) : 22_000;
    int entities = args.length > 2 ? Integer.parseInt(args[2]) : 3_000;
    Random random = new Random(1);
    ObjectNode doc = Json.object().put("openapi", "3.0.1");
    doc.putObject("info").put("title", "Synthetic Graph").put("version", "1.0");
    doc.putArray("servers").addObject().put("url", "https://graph.example.com/v1.0");
    ObjectNode paths = doc.putObject("paths");
    ObjectNode schemas = doc.putObject("components").putObject("schemas");
    String[] types = {"string", "integer", "boolean"};
    for (int i = 0; i < entities; i++) {
      ObjectNode entity =
          schemas
              .putObject("Entity" + i)
              .put("type", "object")
              .put("description", ("Entity number " + i + " ").repeat(5));
      ObjectNode properties = entity.putObject("properties");
      for (int j = 0; j < 12; j++) {
        properties
            .putObject("field" + j)
            .put("type", types[random.nextInt(3)])
            .put("description", ("Field " + j + " of entity " + i + ". ").repeat(3));
      }
      properties
          .putObject("related")
          .put("$ref", "#/components/schemas/Entity" + (i * 7 + 1) % entities);
      properties
          .putObject("children")
          .put("type", "array")
          .putObject("items")
          .put("$ref", "#/components/schemas/Entity" + (i * 13 + 5) % entities);
    }
    for (int i = 0; i < operations / 2; i++) {
      String entity = "#/components/schemas/Entity" + (i % entities);
      String group = "group" + i / 40;
      ObjectNode item = paths.putObject("/v1.0/" + group + "/entities" + i + "/{id}");
      ObjectNode get =
          item.putObject("get")
              .put("operationId", group + ".entities" + i + ".get")
              .put("summary", "Get entity " + i)
              .put("description", "Gets the entity. ".repeat(10));
      get.putArray("tags").add(group);
      ArrayNode parameters = get.putArray("parameters");
      parameters
          .addObject()
          .put("name", "id")
          .put("in", "path")
          .put("required", true)
          .putObject("schema")
          .put("type", "string");
      ObjectNode select =
          parameters.addObject().put("name", "$select").put("in", "query").put("explode", false);
      select.putObject("schema").put("type", "array").putObject("items").put("type", "string");
      get.putObject("responses")
          .putObject("200")
          .put("description", "ok")
          .putObject("content")
          .putObject("application/json")
          .putObject("schema")
          .put("$ref", entity);
      ObjectNode patch =
          item.putObject("patch")
              .put("operationId", group + ".entities" + i + ".update")
              .put("summary", "Update entity " + i);
      patch.putArray("tags").add(group);
      patch
          .putArray("parameters")
          .addObject()
          .put("name", "id")
          .put("in", "path")
          .put("required", true)
          .putObject("schema")
          .put("type", "string");
      patch
          .putObject("requestBody")
          .put("required", true)
          .putObject("content")
          .putObject("application/json")
          .putObject("schema")
          .put("$ref", entity);
      patch.putObject("responses").putObject("204").put("description", "ok");
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, Json.pretty(doc));
    System.out.println(
        out + ": " + Files.size(out) / 1_000_000 + " MB, " + operations + " operations");
  }
}
