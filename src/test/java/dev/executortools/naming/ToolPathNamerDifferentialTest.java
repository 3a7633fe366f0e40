package dev.executortools.naming;

import static dev.executortools.naming.Operations.op;
import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.extract.Operation;
import dev.executortools.extract.OperationExtractor;
import dev.executortools.internal.Json;
import dev.executortools.parse.SpecDocument;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Java against executor's own code: naming-fixture.json holds operations (from the httpbin, GitHub
 * and Kubernetes corpus specs, collision-heavy mutations of them, and hand-written edge cases) with
 * the answers executor's naming code gave for them under node. See generate-fixture.py.
 *
 * <p>Each operation's tags are as the document gave them, blank ones included: node filters them
 * with executor's {@code extract.ts} filter, the Java side with {@link OperationExtractor}, the
 * project's own filter where it really runs, so a difference in what counts as blank shows here.
 */
class ToolPathNamerDifferentialTest {
  static Stream<Named<JsonNode>> sources() throws IOException {
    try (InputStream in =
        ToolPathNamerDifferentialTest.class.getResourceAsStream("/naming/naming-fixture.json")) {
      JsonNode fixture = Json.MAPPER.readTree(in);
      List<Named<JsonNode>> sources = new ArrayList<>();
      for (JsonNode source : fixture.get("sources")) {
        sources.add(Named.of(source.get("name").stringValue(), source.get("operations")));
      }
      return sources.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("sources")
  void toolPathsEqualThoseOfExecutorsCode(JsonNode operations) {
    assertThat(operations.size()).isPositive();
    List<Operation> input = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (JsonNode o : operations) {
      input.add(
          op(
              o.get("method").stringValue(),
              o.get("path").stringValue(),
              text(o.get("rawOperationId")),
              tagsAsExtracted(o.get("tags"))));
      expected.add(o.get("toolPath").stringValue());
    }
    assertThat(ToolPathNamer.toolPaths(input)).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest
  @MethodSource("sources")
  void everyIntermediateValueEqualsExecutorsToo(JsonNode operations) {
    for (JsonNode o : operations) {
      String method = o.get("method").stringValue();
      String path = o.get("path").stringValue();
      String operationId = o.get("operationId").stringValue();
      String[] tags = tagsAsExtracted(o.get("tags"));
      String group = ToolPathNamer.group(tags.length == 0 ? null : tags[0], path);
      String where = method + " " + path;
      if (o.get("rawOperationId").isNull()) {
        assertThat(OperationExtractor.fallbackOperationId(method, path))
            .as(where)
            .isEqualTo(operationId);
      }
      assertThat(group).as(where).isEqualTo(o.get("group").stringValue());
      assertThat(ToolPathNamer.leaf(operationId, method, path, group))
          .as(where)
          .isEqualTo(o.get("leaf").stringValue());
      assertThat(ToolPathNamer.versionSegment(path))
          .as(where)
          .isEqualTo(text(o.get("versionSegment")));
      assertThat(StableHash.of(method, operationId, path))
          .as(where)
          .isEqualTo(o.get("hash").stringValue());
    }
  }

  private static final Map<List<String>, String[]> EXTRACTED = new ConcurrentHashMap<>();

  /**
   * The tags the project keeps of {@code raw}: a one-operation document carrying them is read by
   * {@link OperationExtractor}, which drops the ones it takes for blank.
   */
  private static String[] tagsAsExtracted(JsonNode raw) {
    return EXTRACTED.computeIfAbsent(
        List.of(strings(raw)),
        tags -> {
          ObjectNode root = Json.object().put("openapi", "3.0.3");
          ObjectNode operation = root.putObject("paths").putObject("/tagged").putObject("get");
          tags.forEach(operation.putArray("tags")::add);
          List<Operation> extracted =
              new OperationExtractor(new SpecDocument(root, "3.0.3", List.of()), null).extract();
          return extracted.get(0).tags().toArray(String[]::new);
        });
  }

  private static String text(JsonNode node) {
    return node.isNull() ? null : node.stringValue();
  }

  private static String[] strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.stringValue()));
    return values.toArray(String[]::new);
  }
}
