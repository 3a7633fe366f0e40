package dev.executortools.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.SearchHit;
import dev.executortools.ToolRegistry;
import dev.executortools.internal.Json;
import dev.executortools.testing.CliProcess;
import dev.executortools.testing.Corpus;
import dev.executortools.testing.Strace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The search index of each stored source is written beside it when the source is added, refreshed
 * or replaced, removed with it, and read (not rebuilt) by a search in a new process; one that is
 * missing (a home written before) or damaged is built again and stored, never a failed search.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class StoredSearchIndexTest {
  @TempDir Path home;
  @TempDir Path dir;

  /** Items v1 (list, create, delete) and v2 (list, create, archive): small specs of the tests. */
  private static final String V1 = Corpus.resource("/specs/items-v1.yaml");

  private static final String V2 = Corpus.resource("/specs/items-v2.yaml");

  private ToolRegistry registry() {
    return ToolRegistry.builder().home(home).build();
  }

  private void add(String namespace, String spec, boolean replace) {
    try (ToolRegistry registry = registry()) {
      var added =
          registry.addSource(
              Json.object().put("spec", spec).put("namespace", namespace).put("replace", replace));
      assertThat(added.ok()).as(added.toString()).isTrue();
    }
  }

  private List<String> search(String query, String source) {
    try (ToolRegistry registry = registry()) {
      return registry.search(query, 5, source).stream().map(SearchHit::id).toList();
    }
  }

  private Path index(String namespace) {
    return home.resolve("sources").resolve(namespace + ".search");
  }

  private static Object identity(Path file) throws Exception {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    return a.fileKey() + "/" + a.lastModifiedTime() + "/" + a.size();
  }

  @Test
  void addingASourceStoresItsIndexBesideItAndRemovingItRemovesBoth() throws Exception {
    add("items", V1, false);
    add("stock", V2, false);
    assertThat(index("items")).isRegularFile();
    assertThat(index("stock")).isRegularFile();
    Object before = identity(index("items"));

    assertThat(search("archive an item", null)).first().isEqualTo("stock.items.archiveItem");
    assertThat(search("list the items", "items")).first().isEqualTo("items.items.listItems");
    assertThat(identity(index("items"))).as("read, not written again").isEqualTo(before);

    try (ToolRegistry registry = registry()) {
      assertThat(registry.removeSource("stock").ok()).isTrue();
    }
    assertThat(index("stock")).doesNotExist();
    assertThat(home.resolve("sources").resolve("stock.json")).doesNotExist();
    assertThat(search("archive an item", null)).noneMatch(id -> id.startsWith("stock."));
  }

  @Test
  void aSearchInANewProcessOpensTheIndexesAndNoSourceFile() throws Exception {
    Assumptions.assumeTrue(Strace.runs(), "strace is not installed or may not trace here");
    add("items", V1, false);
    add("stock", V2, false);

    Strace.Traced traced =
        Strace.cli(dir, "--home", home.toString(), "tools", "search", "archive an item");
    CliProcess run = traced.run();

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode hits = Json.MAPPER.readTree(run.out()).path("data");
    assertThat(hits.path(0).path("id").asString()).isEqualTo("stock.items.archiveItem");
    List<String> opens =
        traced.lines().stream()
            .filter(l -> l.contains(home + "/sources/") && l.matches("^\\d+\\s+open.*"))
            .toList();
    assertThat(opens)
        .anyMatch(l -> l.contains("items.search"))
        .anyMatch(l -> l.contains("stock.search"));
    assertThat(opens).as("no stored tool is read").noneMatch(l -> l.contains(".json\""));
  }

  @Test
  void aHomeWrittenBeforeGetsItsIndexOnTheFirstSearch() throws Exception {
    add("items", V1, false);
    Files.delete(index("items")); // as a home written before indexes were kept

    assertThat(search("list the items", null)).first().isEqualTo("items.items.listItems");
    assertThat(index("items")).isRegularFile();
    Object built = identity(index("items"));
    assertThat(search("list the items", null)).first().isEqualTo("items.items.listItems");
    assertThat(identity(index("items"))).as("the stored one is read").isEqualTo(built);
  }

  @Test
  void aDamagedIndexIsBuiltAgainNeverAFailedSearch() throws Exception {
    add("items", V1, false);
    List<String> expected = search("list the items", null);
    byte[] bytes = Files.readAllBytes(index("items"));
    for (byte[] damaged :
        List.of(
            flipped(bytes, bytes.length / 2),
            java.util.Arrays.copyOf(bytes, bytes.length / 3),
            new byte[0],
            "not an index at all".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            ofFormat(bytes, IndexSegment.FORMAT - 1))) {
      Files.write(index("items"), damaged);

      assertThat(search("list the items", null)).isEqualTo(expected);
      try (ToolRegistry registry = registry()) {
        assertThat(registry.closestIds("items.items.listItem", 1))
            .containsExactly("items.items.listItems");
      }
      assertThat(Files.readAllBytes(index("items"))).as("stored again").hasSameSizeAs(bytes);
    }
  }

  @Test
  void replacingOrRefreshingASourceKeepsItsIndexInStep() throws Exception {
    add("items", V1, false);
    Object first = identity(index("items"));
    add("items", V2, true);

    assertThat(identity(index("items"))).isNotEqualTo(first);
    assertThat(search("archive an item", null)).first().isEqualTo("items.items.archiveItem");
    assertThat(search("delete an item", null)).doesNotContain("items.items.deleteItem");

    Object replaced = identity(index("items"));
    try (ToolRegistry registry = registry()) {
      assertThat(registry.refreshSource("items").ok()).isTrue();
    }
    assertThat(identity(index("items")))
        .as("written with the refreshed source")
        .isNotEqualTo(replaced);
    Object refreshed = identity(index("items"));
    assertThat(search("archive an item", null)).first().isEqualTo("items.items.archiveItem");
    assertThat(identity(index("items"))).as("and read as it is").isEqualTo(refreshed);
  }

  @Test
  void aLongRunningRegistrySeesAnotherProcesssChange() throws Exception {
    add("items", V1, false);
    try (ToolRegistry serving = registry()) {
      assertThat(serving.search("list the items", 5, null)).isNotEmpty();
      add("items", V2, true); // as another process

      assertThat(serving.search("archive an item", 1, null).get(0).id())
          .isEqualTo("items.items.archiveItem");
    }
  }

  @Test
  void theStoredIndexHoldsEachToolsDenseVectorAsBuilt() throws Exception {
    add("items", V2, false);
    IndexSegment stored =
        IndexSegment.read(java.nio.ByteBuffer.wrap(Files.readAllBytes(index("items"))));
    assertThat(stored.dims()).isEqualTo(WordVectors.shared().dims()).isPositive();

    SegmentBuilder builder = new SegmentBuilder();
    try (ToolRegistry inMemory = ToolRegistry.builder().build()) {
      assertThat(inMemory.addSource(Json.object().put("spec", V2).put("namespace", "items")).ok())
          .isTrue();
      inMemory.tools().stream()
          .filter(t -> t.source().equals("items"))
          .forEach(t -> builder.add(SearchDocument.of(t, t.inputSchema(), t.outputSchema(), null)));
    }
    IndexSegment built = builder.build();
    float[] query =
        DenseText.query(
            "archive an item", EverydayWords.of("archive an item"), WordVectors.shared());
    float[] fromFile = new float[stored.size()];
    float[] fresh = new float[built.size()];
    stored.cosines(query, fromFile);
    built.cosines(query, fresh);
    java.util.Map<String, Float> byId = new java.util.HashMap<>();
    for (int doc = 0; doc < built.size(); doc++) byId.put(built.id(doc), fresh[doc]);
    assertThat(stored.size()).isEqualTo(built.size()).isPositive();
    for (int doc = 0; doc < stored.size(); doc++) {
      assertThat(fromFile[doc]).as(stored.id(doc)).isEqualTo(byId.get(stored.id(doc)));
    }
    assertThat(byId.values()).anySatisfy(c -> assertThat(c).isGreaterThan(0.3f));
  }

  @Test
  void aTaskInWordsNoToolUsesIsFoundThroughTheStoredVectors() throws Exception {
    add("items", V1, false);
    add("stock", V2, false);
    Object before = identity(index("items"));

    // no tool's text has "merchandise" nor "product": only the dense part ranks them
    assertThat(search("merchandise", "items")).isNotEmpty().allMatch(id -> id.startsWith("items."));
    assertThat(search("erase a product", "items")).first().isEqualTo("items.items.deleteItem");
    assertThat(identity(index("items"))).as("read, not built again").isEqualTo(before);
  }

  /** {@code bytes} marked as written in another format of the index (before or after). */
  private static byte[] ofFormat(byte[] bytes, int format) {
    byte[] copy = bytes.clone();
    java.nio.ByteBuffer.wrap(copy).putInt(4, format);
    return copy;
  }

  private static byte[] flipped(byte[] bytes, int at) {
    byte[] copy = bytes.clone();
    copy[at] ^= 0x5a;
    return copy;
  }
}
