package dev.executortools.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.executortools.internal.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class JsonSelectionTest {
  private static ObjectNode result(int count) {
    ArrayNode items = Json.array();
    for (int i = 0; i < count; i++) {
      items
          .addObject()
          .put("id", i)
          .put("name", "item-" + i)
          .put("state", i % 2 == 0 ? "open" : "closed")
          .putArray("tags")
          .add("t" + (i % 3));
    }
    ObjectNode result = Json.object().put("ok", true);
    result.set("data", items);
    return result;
  }

  @Test
  void slicesFiltersAndFieldsSelectTheTreesOwnNodes() throws Exception {
    ObjectNode root = result(10);

    assertThat(JsonSelection.select(root, "$.data[2:4].name"))
        .isEqualTo(Json.parse("[\"item-2\", \"item-3\"]"));
    assertThat(JsonSelection.select(root, "$.data[?(@.state == 'open' && @.id > 5)].id"))
        .isEqualTo(Json.parse("[6, 8]"));
    assertThat(JsonSelection.select(root, "$.data[?(@.id in [1, 3])].name"))
        .isEqualTo(Json.parse("[\"item-1\", \"item-3\"]"));
    assertThat(JsonSelection.select(root, "$.data[?('t1' in @.tags)].id"))
        .isEqualTo(Json.parse("[1, 4, 7]"));
    assertThat(JsonSelection.select(root, "$.data.length()").asInt()).isEqualTo(10);
    assertThat(JsonSelection.select(root, "$.data[4]")).isSameAs(root.path("data").get(4));
    assertThat(JsonSelection.select(root, "$.ok").asBoolean()).isTrue();
  }

  @Test
  void badPathsAreSaidInWords() {
    ObjectNode root = result(3);

    assertThatThrownBy(() -> JsonSelection.select(root, "$.data[?(@.name =~ /item.*/)]"))
        .isInstanceOf(JsonSelection.SelectionException.class)
        .hasMessageContaining("=~");
    assertThatThrownBy(() -> JsonSelection.select(root, "$.data[" + "0,".repeat(600) + "0]"))
        .hasMessageContaining("longer than 1000");
    assertThatThrownBy(() -> JsonSelection.select(root, "$.data[?(@.id =="))
        .hasMessageContaining("not a valid JSONPath");
    assertThatThrownBy(() -> JsonSelection.select(root, "$.nothing.here"))
        .hasMessageContaining("nothing at $.nothing.here");
  }

  @Test
  @Timeout(30)
  void aPathThatWouldRunLongIsStopped() {
    ObjectNode root = Json.object();
    ObjectNode level = root;
    for (int depth = 0; depth < 300; depth++) {
      ArrayNode numbers = level.putArray("numbers");
      for (int i = 0; i < 30; i++) numbers.add(i);
      level = level.putObject("next");
    }
    long start = System.nanoTime();

    assertThatThrownBy(() -> JsonSelection.select(root, "$..*..*..*"))
        .hasMessageContaining("took more than");

    assertThat((System.nanoTime() - start) / 1_000_000_000)
        .isLessThanOrEqualTo(JsonSelection.MAX_TIME.toSeconds() + 2);
  }

  @Test
  void aSelectionOfManyNodesSharesThem() throws Exception {
    ObjectNode root = result(1_000);

    JsonNode all = JsonSelection.select(root, "$..*");

    assertThat(all.size()).isGreaterThan(5_000);
    assertThat(all).anySatisfy(node -> assertThat(node).isSameAs(root.path("data").get(999)));
  }
}
