package dev.executortools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Arguments as a careless or hostile model might send them, against real tools (Stripe, Telegram,
 * GitHub): every call ends in a clear error value (or a request to a closed port), never an
 * internal error or an exception.
 */
class HostileArgumentsTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] STRINGS = {
    "", "a\r\nInjected: yes", "../../etc/passwd", "%2e%2e/%00", "{id}", "😀\u0000\u202e", "x".repeat(10_000),
    "https://evil.example/", "AAEC", "data:text/plain;base64,aGk=", " ", "\t"
  };

  private final Random random = new Random(42);

  private JsonNode value(int depth) {
    return switch (random.nextInt(depth > 3 ? 6 : 9)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(random.nextBoolean());
      case 2 -> NODES.numberNode(random.nextLong());
      case 3 -> NODES.numberNode(new java.math.BigDecimal("1e400"));
      case 4, 5 -> NODES.stringNode(STRINGS[random.nextInt(STRINGS.length)]);
      case 6 -> {
        ArrayNode array = Json.array();
        for (int i = random.nextInt(4); i > 0; i--) array.add(value(depth + 1));
        yield array;
      }
      default -> {
        ObjectNode object = Json.object();
        for (int i = random.nextInt(4); i > 0; i--) object.set(STRINGS[random.nextInt(STRINGS.length)], value(depth + 1));
        yield object;
      }
    };
  }

  /**
   * Arguments shaped like the tool's schema: half the time any value under its property names,
   * half the time values of the declared simple types (so they pass validation and reach binding)
   * carrying hostile strings.
   */
  private ObjectNode arguments(Tool tool) {
    ObjectNode args = Json.object();
    boolean typed = random.nextBoolean();
    JsonNode properties = tool.inputSchema().path("properties");
    java.util.Set<String> required = new java.util.HashSet<>();
    tool.inputSchema().path("required").forEach(r -> required.add(r.asString()));
    for (String property : properties.propertyNames()) {
      if (!required.contains(property) && random.nextInt(3) == 0) continue;
      if (property.equals("server") || property.equals("contentType")) continue;
      args.set(property, typed ? typedValue(properties.get(property)) : value(0));
    }
    return args;
  }

  private JsonNode typedValue(JsonNode schema) {
    String string = STRINGS[random.nextInt(STRINGS.length)];
    return switch (schema.path("type").asString("")) {
      case "integer" -> NODES.numberNode(random.nextInt(1000));
      case "number" -> NODES.numberNode(random.nextDouble());
      case "boolean" -> NODES.booleanNode(random.nextBoolean());
      case "array" -> Json.array().add(string).add(string.toUpperCase(java.util.Locale.ROOT));
      case "object" -> Json.object().put("k", string).put(string, "v");
      default -> NODES.stringNode(string);
    };
  }

  @Test
  void hostileArgumentsNeverBreakACall() {
    try (ToolRegistry registry = ToolRegistry.builder().approvals(ApprovalHandler.APPROVE_ALL).build()) {
      for (String file : List.of("stripe.com__2020-08-27.openapi.yaml", "telegram.org__5.0.0.openapi.yaml",
          "github.com__api.github.com__1.1.4.openapi.yaml")) {
        ToolResult added = registry.addSource(Json.object().put("spec", Corpus.read(file))
            .put("namespace", file.substring(0, 6).replace('.', '_')).put("baseUrl", "http://127.0.0.1:9"));
        assertThat(added.ok()).as("%s", added).isTrue();
      }
      List<Tool> tools = new ArrayList<>(registry.tools());
      List<String> broken = new ArrayList<>();
      int sent = 0;
      for (int i = 0; i < 1500; i++) {
        Tool tool = tools.get(random.nextInt(tools.size()));
        if (tool.id().startsWith("openapi.") || tool.annotations().method() == null) continue;
        ObjectNode args = arguments(tool);
        ToolResult result = registry.call(tool.id(), args);
        if (result.ok() || result.error().code() == ErrorCode.INTERNAL_ERROR) {
          broken.add(tool.id() + " " + result);
        }
        if (!result.ok() && result.error().code() == ErrorCode.NETWORK_ERROR) sent++;
      }
      assertThat(broken).isEmpty();
      assertThat(sent).as("calls that passed validation and binding and reached the (closed) port").isGreaterThan(100);
    }
  }
}
