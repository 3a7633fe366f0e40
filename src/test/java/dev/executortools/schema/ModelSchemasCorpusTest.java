package dev.executortools.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.Tool;
import dev.executortools.compile.CompileOptions;
import dev.executortools.compile.CompiledTool;
import dev.executortools.compile.ToolCompiler;
import dev.executortools.parse.SpecReader;
import dev.executortools.testing.Corpus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every corpus tool's model-facing input schema: within 64 KB, valid 2020-12, and only ever more
 * permissive than the full schema (the same schema with some definitions replaced by placeholders
 * that accept anything), so arguments the full schema accepts are never refused because of the cut.
 */
class ModelSchemasCorpusTest {
  static final List<String> FILES = Corpus.FILES;

  @ParameterizedTest
  @FieldSource("FILES")
  void everyModelSchemaFitsIsValidAndOnlyWeakensTheFullOne(String file) throws Exception {
    List<CompiledTool> tools =
        ToolCompiler.compile(
                SpecReader.read(Corpus.read(file)), null, CompileOptions.forNamespace("ns"))
            .tools();
    List<Integer> sizes = new ArrayList<>();
    Map<JsonNode, Boolean> checkedDefs = new IdentityHashMap<>();
    int cut = 0;
    for (CompiledTool compiled : tools) {
      Tool tool = compiled.tool();
      ObjectNode full = tool.inputSchema();
      ObjectNode model = ModelSchemas.forModel(full, tool.id());
      int size = ModelSchemas.sizeOf(model);
      sizes.add(size);
      assertThat(size)
          .as("%s model schema size", tool.id())
          .isLessThanOrEqualTo(ModelSchemas.DEFAULT_BUDGET_BYTES);
      if (model == full) continue;
      cut++;
      assertOnlyWeakens(full, model, tool.id());
      // valid 2020-12: each distinct def once, the rest without its defs (see CorpusSchemaTest)
      model
          .path("$defs")
          .properties()
          .forEach(
              def -> {
                if (checkedDefs.put(def.getValue(), true) == null) {
                  assertThat(MetaSchema.violations(def.getValue()))
                      .as("%s def %s", tool.id(), def.getKey())
                      .isEmpty();
                }
              });
      ObjectNode withoutDefs = model.deepCopy();
      withoutDefs.remove("$defs");
      assertThat(MetaSchema.violations(withoutDefs)).as(tool.id()).isEmpty();
    }
    Collections.sort(sizes);
    System.out.printf(
        "%s: %d tools, %d cut, model schema p50 %d B, p95 %d B, max %d B%n",
        file,
        sizes.size(),
        cut,
        sizes.get(sizes.size() / 2),
        sizes.get((int) Math.ceil(sizes.size() * 0.95) - 1),
        sizes.get(sizes.size() - 1));
  }

  /**
   * The model schema is the full one except for definitions that became placeholders or were
   * dropped.
   */
  static void assertOnlyWeakens(ObjectNode full, ObjectNode model, String id) {
    for (var field : full.properties()) {
      if (field.getKey().equals("$defs")) continue;
      assertThat(model.get(field.getKey()))
          .as("%s %s", id, field.getKey())
          .isSameAs(field.getValue());
    }
    JsonNode fullDefs = full.path("$defs");
    for (var def : model.path("$defs").properties()) {
      JsonNode original = fullDefs.get(def.getKey());
      assertThat(original).as("%s def %s exists in the full schema", id, def.getKey()).isNotNull();
      if (def.getValue() == original) continue;
      assertThat(def.getValue().propertyNames())
          .as("%s placeholder %s", id, def.getKey())
          .containsExactly("description");
      assertThat(def.getValue().path("description").asString())
          .contains(def.getKey())
          .contains("\"definition\": \"" + def.getKey() + "\"");
    }
  }
}
