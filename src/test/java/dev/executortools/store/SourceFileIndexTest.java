package dev.executortools.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.executortools.compile.CompiledTool;
import dev.executortools.home.StoreException;
import dev.executortools.internal.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One tool, a summary or a stream of tools, read from a source file without reading all of it. */
class SourceFileIndexTest {
  @TempDir Path home;

  @Test
  void everyToolIsFoundByItsIdAsTheWholeFileHoldsIt() {
    FileSourceStore store = new FileSourceStore(home);
    StoredSource pets = StoreFixtures.source("pets", 40);
    store.put(pets);
    for (CompiledTool tool : pets.tools()) {
      assertThat(store.tool("pets", tool.tool().id())).contains(tool);
    }
    assertThat(store.tool("pets", "pets.no.suchTool")).isEmpty();
    assertThat(store.tool("other", "other.a.b")).isEmpty();
  }

  @Test
  void theIndexGroupsItsToolsSoThatALookupReadsOneGroupAndEveryToolIsFoundInIts() throws Exception {
    FileSourceStore store = new FileSourceStore(home);
    StoredSource pets = StoreFixtures.source("pets", 300);
    store.put(pets);
    JsonNode index = Json.MAPPER.readTree(store.fileOf("pets").toFile()).get("index");
    assertThat(index.get("toolBuckets"))
        .as("300 tools, 64 a group: 5 groups, 6 offsets")
        .hasSize(6);
    List<String> fields = new ArrayList<>();
    index.propertyNames().forEach(fields::add);
    assertThat(fields.get(fields.size() - 1))
        .as("the offsets are read before the groups")
        .isEqualTo("tools");
    for (CompiledTool tool : pets.tools()) {
      assertThat(store.tool("pets", tool.tool().id())).contains(tool);
    }
    assertThat(store.tool("pets", "pets.no.suchTool")).isEmpty();
    assertThat(store.tools("pets", 0, 300))
        .as("pages come in stored order, not the index's")
        .isEqualTo(pets.tools());
    assertThat(store.tools("pets", 250, 64)).isEqualTo(pets.tools().subList(250, 300));
  }

  @Test
  void filesOfFormatThreeWithoutToolGroupsAreSearchedEntryByEntry() throws Exception {
    assertEveryToolIsFoundAsInOlderFiles(
        70,
        Map.of(
            "\"formatVersion\":4",
            "\"formatVersion\":3",
            "\"toolBuckets\":[",
            "\"xoolBuckets\":["));
  }

  @Test
  void groupOffsetsPointingOutsideTheIndexAreReportedAsDamage() throws Exception {
    FileSourceStore store = new FileSourceStore(home);
    StoredSource pets = StoreFixtures.source("pets", 130);
    store.put(pets);
    Path file = store.fileOf("pets");
    String text = Files.readString(file);
    java.util.regex.Matcher offsets =
        java.util.regex.Pattern.compile("\"toolBuckets\":\\[([0-9,]+)]").matcher(text);
    assertThat(offsets.find()).isTrue();
    // same length, every digit a 9: each group now lies past the end of the index
    String far = offsets.group(1).replaceAll("[0-9]", "9");
    Files.writeString(
        file, text.substring(0, offsets.start(1)) + far + text.substring(offsets.end(1)));
    assertThatThrownBy(() -> store.tool("pets", pets.tools().get(0).tool().id()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("damaged");
  }

  @Test
  void aSourceWithoutToolsHasAnIndexThatFindsNone() {
    FileSourceStore store = new FileSourceStore(home);
    store.put(StoreFixtures.source("pets", 0));
    assertThat(store.tool("pets", "pets.a.b")).isEmpty();
    assertThat(store.tools("pets", 0, 10)).isEmpty();
  }

  @Test
  void filesWithoutDefOffsetsReadEveryDefToFindATool() throws Exception {
    assertEveryToolIsFoundAsInOlderFiles(
        12,
        Map.of(
            "\"defOffsets\":[", "\"xdefOffset\":[", "\"defSetOffsets\":[", "\"xdefSetOffset\":["));
  }

  /**
   * Stores a source of {@code toolCount} tools, renames index keys to unknown ones of the same
   * length (every byte offset still holds), as in files written before those keys, and finds every
   * tool.
   */
  private void assertEveryToolIsFoundAsInOlderFiles(int toolCount, Map<String, String> renamed)
      throws Exception {
    FileSourceStore store = new FileSourceStore(home);
    StoredSource pets = StoreFixtures.source("pets", toolCount);
    store.put(pets);
    Path file = store.fileOf("pets");
    String text = Files.readString(file);
    for (Map.Entry<String, String> key : renamed.entrySet()) {
      assertThat(text).contains(key.getKey());
      text = text.replace(key.getKey(), key.getValue());
    }
    Files.writeString(file, text);
    for (CompiledTool tool : pets.tools()) {
      assertThat(store.tool("pets", tool.tool().id())).contains(tool);
    }
    assertThat(store.tool("pets", "pets.no.suchTool")).isEmpty();
  }

  @Test
  void theSummaryAndTheStreamMatchTheWholeSource() {
    FileSourceStore store = new FileSourceStore(home);
    StoredSource pets = StoreFixtures.source("pets", 25);
    store.put(pets);
    SourceSummary summary = store.summary("pets").orElseThrow();
    assertThat(summary.toolCount()).isEqualTo(25);
    assertThat(summary.toRedactedJson()).isEqualTo(pets.toRedactedJson());
    List<CompiledTool> streamed = new ArrayList<>();
    store.forEachTool("pets", true, streamed::add);
    assertThat(streamed).isEqualTo(pets.tools());
    List<String> ids = new ArrayList<>();
    store.forEachTool(
        "pets",
        false,
        t -> {
          assertThat(t.tool().inputSchema().has("$defs")).isFalse();
          ids.add(t.tool().id());
        });
    assertThat(ids).isEqualTo(pets.tools().stream().map(t -> t.tool().id()).toList());
  }

  @Test
  void aFileCutShortIsReportedByItsSummary() throws Exception {
    FileSourceStore store = new FileSourceStore(home);
    store.put(StoreFixtures.source("pets", 5));
    Path file = store.fileOf("pets");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 30));
    assertThatThrownBy(() -> store.summary("pets"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("ends early");
  }

  @Test
  void filesOfFormatTwoAreStillReadWhole() throws Exception {
    FileSourceStore store = new FileSourceStore(home);
    StoredSource pets = StoreFixtures.source("pets", 6);
    store.put(pets);
    ObjectNode v3 = (ObjectNode) Json.MAPPER.readTree(store.fileOf("pets").toFile());
    ObjectNode v2 = Json.object();
    v3.properties()
        .forEach(
            e -> {
              switch (e.getKey()) {
                case "specTextChars", "specText", "index", "indexAt" -> {}
                default -> v2.set(e.getKey(), e.getValue());
              }
            });
    v2.put("formatVersion", 2);
    ((ObjectNode) v2.get("config")).put("specText", v3.get("specText").asString());
    Files.writeString(store.fileOf("pets"), Json.write(v2));

    assertThat(store.get("pets")).contains(pets);
    assertThat(store.tool("pets", pets.tools().get(3).tool().id())).contains(pets.tools().get(3));
    assertThat(store.summary("pets").orElseThrow().toRedactedJson())
        .isEqualTo(pets.toRedactedJson());
  }
}
