package dev.executortools.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.executortools.Tool;
import dev.executortools.ToolAnnotations;
import dev.executortools.compile.CompiledTool;
import dev.executortools.compile.HttpBinding;
import dev.executortools.internal.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class CompiledToolJsonTest {

  private static CompiledTool roundTrip(CompiledTool tool) {
    DefsPool written = DefsPool.of(List.of(tool));
    String text = Json.write(CompiledToolJson.toJson(tool, written));
    DefsPool read =
        DefsPool.read(
            Json.parse(Json.write(Json.MAPPER.valueToTree(written.members()))),
            Json.parse(Json.write(written.setsJson())));
    return CompiledToolJson.fromJson(Json.parse(text), read);
  }

  @Test
  void aToolWithEveryKindOfBindingReadsBackAsAnEqualRecord() {
    CompiledTool rich = StoreFixtures.richTool("pets", 7);

    CompiledTool back = roundTrip(rich);

    assertThat(back).isEqualTo(rich);
    assertThat(back.binding().params().get(1).param().explode()).isFalse();
    assertThat(back.binding().params().get(2).param().explode()).isTrue();
    assertThat(back.binding().params().get(0).param().explode()).isNull();
    assertThat(back.binding().params().get(3).param().schema().isNull()).isTrue();
    assertThat(back.binding().params().get(2).param().schema()).isNull();
    assertThat(back.binding().requestBody().mediaTypes().get(2).schema()).isNull();
  }

  @Test
  void operationInfoReadsBackWithTagsSummaryAndDeprecation() {
    CompiledTool rich = StoreFixtures.richTool("pets", 7);

    CompiledTool back = roundTrip(rich);

    assertThat(back.operation()).isEqualTo(rich.operation());
    assertThat(back.operation().tags()).containsExactly("pets", "admin");
    assertThat(back.operation().deprecated()).isTrue();
    assertThat(roundTrip(StoreFixtures.plainTool("pets", 1)).operation().summary()).isNull();
  }

  @Test
  void aToolWithoutParamsBodyOrServersReadsBackAsAnEqualRecord() {
    CompiledTool plain = StoreFixtures.plainTool("pets", 1);

    assertThat(roundTrip(plain)).isEqualTo(plain);
  }

  @Test
  void aLocalToolWithoutBindingReadsBackAsAnEqualRecord() {
    ObjectNode input =
        (ObjectNode)
            Json.parse("{\"type\":\"object\",\"properties\":{\"spec\":{\"type\":\"string\"}}}");
    CompiledTool local =
        new CompiledTool(
            new Tool(
                "openapi.previewSpec",
                "previewSpec",
                "openapi",
                "Preview",
                input,
                null,
                ToolAnnotations.forLocal(true, false)),
            null,
            null);

    assertThat(roundTrip(local)).isEqualTo(local);
  }

  @Test
  void schemaPropertyOrderSurvivesTheRoundTrip() {
    CompiledTool rich = StoreFixtures.richTool("pets", 1);

    CompiledTool back = roundTrip(rich);

    assertThat(Json.write(back.tool().toJson())).isEqualTo(Json.write(rich.tool().toJson()));
  }

  @Test
  void toolsSharingADefAreStoredWithItOnceAndShareItWhenRead() {
    List<CompiledTool> tools = StoreFixtures.tools("pets", 6);
    DefsPool pool = DefsPool.of(tools);
    List<JsonNode> stored =
        tools.stream().map(t -> (JsonNode) CompiledToolJson.toJson(t, pool)).toList();

    assertThat(pool.members()).hasSize(1);
    assertThat(pool.setsJson()).hasSize(1);
    assertThat(pool.setsJson().get(0).path("Pet").intValue()).isZero();
    assertThat(stored.get(0).at("/tool/inputSchema/$defs").intValue()).isZero();
    List<CompiledTool> back =
        stored.stream().map(json -> CompiledToolJson.fromJson(json, pool)).toList();
    assertThat(back).isEqualTo(tools);
    assertThat(back.get(0).inputSchema().get("$defs").get("Pet"))
        .isSameAs(back.get(2).outputSchema().get("$defs").get("Pet"));
    assertThat(back.get(0).inputSchema().get("$defs"))
        .as("one $defs object per distinct set, shared by every tool that carries it")
        .isSameAs(back.get(2).inputSchema().get("$defs"));
  }

  @Test
  void equalDefsThatAreDifferentInstancesArePooledOnce() {
    CompiledTool a = StoreFixtures.richTool("pets", 1);
    ObjectNode input = a.tool().inputSchema().deepCopy();
    CompiledTool b =
        new CompiledTool(
            a.tool().withAnnotations(a.tool().annotations()), a.binding(), a.operation());
    CompiledTool c =
        new CompiledTool(
            new Tool("pets.x", "x", "pets", "", input, null, a.tool().annotations()),
            a.binding(),
            null);

    assertThat(DefsPool.of(List.of(a, b, c)).members()).hasSize(1);
  }

  @Test
  void aDefIndexOutsideThePoolIsAClearError() {
    CompiledTool rich = StoreFixtures.richTool("pets", 1);
    JsonNode stored = CompiledToolJson.toJson(rich, DefsPool.of(List.of(rich)));

    assertThatThrownBy(
            () -> CompiledToolJson.fromJson(stored, DefsPool.read(Json.array(), Json.array())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$defs is not an index into defSets");
    assertThatThrownBy(() -> DefsPool.read(Json.array(), Json.parse("[{\"Pet\": 3}]")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"Pet\" is not an index into defs");
  }

  @Test
  void aStoredToolWithoutItsToolObjectIsAClearError() {
    assertThatThrownBy(
            () ->
                CompiledToolJson.fromJson(
                    Json.parse("{\"binding\":{}}"), DefsPool.read(Json.array(), Json.array())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"tool\" is missing");
  }

  @Test
  void bindingListsAreReadBackEvenWhenLeftEmpty() {
    CompiledTool plain = StoreFixtures.plainTool("pets", 1);
    HttpBinding binding = roundTrip(plain).binding();

    assertThat(binding.params()).isEmpty();
    assertThat(binding.servers()).isEmpty();
    assertThat(binding.requestBody()).isNull();
  }
}
