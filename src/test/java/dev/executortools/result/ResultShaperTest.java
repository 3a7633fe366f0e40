package dev.executortools.result;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.internal.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class ResultShaperTest {
  private static ArrayNode items(int count) {
    ArrayNode items = Json.array();
    for (int i = 0; i < count; i++) items.addObject().put("id", i).put("name", "item-" + i);
    return items;
  }

  private static ObjectNode envelope(JsonNode data) {
    ObjectNode result = Json.object().put("ok", true);
    result.set("data", data);
    result
        .putObject("http")
        .put("status", 200)
        .putObject("headers")
        .put("content-type", "application/json");
    return result;
  }

  @Test
  void aValueThatFitsIsTheSameInstanceWithNothingOmitted() {
    ObjectNode result = envelope(items(3));

    Shaped shaped = ResultShaper.shape(result, 10_000);

    assertThat(shaped.value()).isSameAs(result);
    assertThat(shaped.cut()).isFalse();
    assertThat(shaped.pages()).isNull();
  }

  @Test
  void anEnvelopeKeepsOkAndHttpAndTheFirstItemsOfItsData() {
    ObjectNode result = envelope(items(20_000));

    Shaped shaped = ResultShaper.shape(result, 5_000);

    String json = Json.write(shaped.value());
    assertThat(json.length()).isLessThanOrEqualTo(5_000).isGreaterThan(4_500);
    assertThat(shaped.value().path("ok").asBoolean()).isTrue();
    assertThat(shaped.value().path("http")).isEqualTo(result.path("http"));
    JsonNode data = shaped.value().path("data");
    for (int i = 0; i < data.size(); i++)
      assertThat(data.get(i)).isEqualTo(result.path("data").get(i));
    assertThat(shaped.omitted()).hasSize(1);
    assertThat(shaped.omitted().get(0))
        .isEqualTo(
            Json.parse(
                "{\"path\": \"$.data\", \"items\": {\"kept\": "
                    + data.size()
                    + ", \"total\": 20000}}"));
    assertThat(shaped.pages().path()).isEqualTo("$.data");
    assertThat(shaped.pages().pageSize()).isEqualTo(data.size());
    assertThat(result.at(shaped.pages().pointer())).isSameAs(result.path("data"));
  }

  @Test
  void aLongStringKeepsItsBeginningAndSaysHowLongItWas() {
    ObjectNode value = Json.object().put("short", "kept whole").put("text", "x".repeat(50_000));

    Shaped shaped = ResultShaper.shape(value, 1_000);

    assertThat(Json.write(shaped.value()).length()).isLessThanOrEqualTo(1_000);
    assertThat(shaped.value().path("short").asString()).isEqualTo("kept whole");
    String text = shaped.value().path("text").asString();
    assertThat(text).startsWith("xxxx").endsWith("…");
    assertThat(shaped.omitted().get(0).path("path").asString()).isEqualTo("$.text");
    assertThat(shaped.omitted().get(0).path("chars").path("kept").asInt())
        .isEqualTo(text.length() - 1);
    assertThat(shaped.omitted().get(0).path("chars").path("total").asInt()).isEqualTo(50_000);
  }

  @Test
  void largeMembersShareWhatIsLeftAndOddNamesArePathsToo() {
    ObjectNode value = Json.object();
    value.set("a list", items(1_000));
    value.set("b", items(1_000));
    value.put("c", 1);

    Shaped shaped = ResultShaper.shape(value, 4_000);

    assertThat(Json.write(shaped.value()).length()).isLessThanOrEqualTo(4_000);
    int first = shaped.value().path("a list").size();
    int second = shaped.value().path("b").size();
    assertThat(first).isPositive();
    assertThat(Math.abs(first - second)).isLessThanOrEqualTo(1);
    assertThat(shaped.value().path("c").asInt()).isEqualTo(1);
    assertThat(shaped.omitted())
        .extracting(o -> o.path("path").asString())
        .containsExactly("$['a list']", "$.b");
  }

  @Test
  void aFirstItemTooLargeForTheBudgetIsShapedItself() {
    ArrayNode value = Json.array();
    value.add(Json.object().put("text", "y".repeat(10_000)));
    value.add(Json.object().put("text", "z"));

    Shaped shaped = ResultShaper.shape(value, 500);

    assertThat(Json.write(shaped.value()).length()).isLessThanOrEqualTo(500);
    assertThat(shaped.value().size()).isEqualTo(1);
    assertThat(shaped.omitted())
        .extracting(o -> o.path("path").asString())
        .containsExactly("$[0].text", "$");
  }

  @Test
  void manyCutsAreCountedPastTheListed() {
    ArrayNode value = Json.array();
    for (int i = 0; i < 100; i++) value.add(Json.object().put("text", "w".repeat(1_000)));
    ObjectNode wide = Json.object();
    for (int i = 0; i < 100; i++) wide.set("m" + i, value.get(i));

    Shaped shaped = ResultShaper.shape(wide, 8_000);

    assertThat(shaped.omitted()).hasSize(ResultShaper.MAX_LISTED);
    assertThat(shaped.moreOmitted()).isEqualTo(100 - ResultShaper.MAX_LISTED);
  }

  @Test
  @Timeout(10)
  void shapingAHugeValueCostsAboutTheBudget() {
    ArrayNode huge = items(1_000_000);
    long start = System.nanoTime();
    for (int i = 0; i < 200; i++) ResultShaper.shape(envelope(huge), 50_000);
    assertThat((System.nanoTime() - start) / 1_000_000)
        .as("milliseconds for 200 shapings")
        .isLessThan(5_000);
  }
}
