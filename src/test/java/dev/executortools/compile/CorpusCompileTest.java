package dev.executortools.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.extract.OperationExtractor;
import dev.executortools.parse.SpecDocument;
import dev.executortools.parse.SpecReader;
import dev.executortools.testing.Corpus;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;

class CorpusCompileTest {
  static final List<String> FILES = Corpus.FILES;

  @ParameterizedTest
  @FieldSource("FILES")
  void everyOperationBecomesOneToolWithAUniqueId(String file) throws Exception {
    SpecDocument doc = SpecReader.read(Corpus.read(file));
    CompiledSource source = ToolCompiler.compile(doc, null, CompileOptions.forNamespace("ns"));
    assertThat(source.tools()).hasSize(countOperations(doc));
    Set<String> ids = new HashSet<>(source.toolIds());
    assertThat(ids).hasSize(source.tools().size());
    assertThat(source.toolIds())
        .isSortedAccordingTo(dev.executortools.naming.ToolPathOrder.INSTANCE)
        .allMatch(id -> id.matches("ns\\.[A-Za-z0-9]+(\\.[A-Za-z0-9_]+)+"));
    for (CompiledTool tool : source.tools()) {
      assertThat(tool.tool().inputSchema().path("type").asString()).isEqualTo("object");
      assertThat(tool.tool().inputSchema().path("additionalProperties").asBoolean(true)).isFalse();
      assertThat(tool.tool().description()).isNotBlank();
    }
  }

  /** Counted straight from the tree, independently of the extractor. */
  private static int countOperations(SpecDocument doc) {
    int count = 0;
    for (JsonNode item : doc.root().path("paths")) {
      for (String method : OperationExtractor.METHODS) {
        if (item.path(method).isObject()) count++;
      }
    }
    return count;
  }
}
