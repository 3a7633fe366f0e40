package dev.executortools.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.compile.CompileOptions;
import dev.executortools.compile.CompiledSource;
import dev.executortools.compile.CompiledTool;
import dev.executortools.compile.ToolCompiler;
import dev.executortools.internal.Json;
import dev.executortools.parse.SpecReader;
import dev.executortools.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tools compiled from real specs survive the store: same JSON, equal bindings and operations. */
class FileSourceStoreCorpusTest {
  @TempDir Path home;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "github.com__api.github.com__1.1.4.openapi.yaml",
        "kubernetes.io__v1.10.0.swagger.yaml",
        "adyen.com__CheckoutService__68.openapi31.yaml",
        "amazonaws.com__sqs__2012-11-05.openapi.yaml"
      })
  void compiledToolsOfARealSpecReadBackTheSameInANewStore(String file) throws Exception {
    String spec = Corpus.read(file);
    CompiledSource compiled = compile(spec);
    StoredSource source =
        StoredSource.added(SourceConfig.of("corpus", null, spec), compiled.tools(), Instant.now());
    new FileSourceStore(home).put(source);

    List<CompiledTool> back = new FileSourceStore(home).get("corpus").orElseThrow().tools();

    assertThat(back).hasSameSizeAs(compiled.tools());
    for (int i = 0; i < back.size(); i++) {
      CompiledTool original = compiled.tools().get(i);
      CompiledTool read = back.get(i);
      // Node classes may differ (a LongNode 300 is read back as an IntNode 300); the JSON may not.
      assertThat(Json.write(read.tool().toJson())).isEqualTo(Json.write(original.tool().toJson()));
      assertThat(read.binding()).isEqualTo(original.binding());
      assertThat(read.operation()).isEqualTo(original.operation());
    }
  }

  @Test
  void sharedDefsAreStoredOnceSoTheFileIsFarSmallerThanTheToolsOneByOne() throws Exception {
    CompiledSource compiled = compile(Corpus.read("kubernetes.io__v1.10.0.swagger.yaml"));
    FileSourceStore store = new FileSourceStore(home);
    store.put(
        StoredSource.added(
            SourceConfig.of("corpus", "https://x", null), compiled.tools(), Instant.now()));

    long oneByOne = 0;
    for (CompiledTool tool : compiled.tools())
      oneByOne += Json.write(tool.tool().toJson()).length();
    assertThat(Files.size(store.fileOf("corpus"))).isLessThan(oneByOne / 3);
  }

  private static CompiledSource compile(String spec) throws Exception {
    return ToolCompiler.compile(SpecReader.read(spec), null, CompileOptions.forNamespace("corpus"));
  }
}
