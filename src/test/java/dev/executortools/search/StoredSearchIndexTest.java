package dev.executortools.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.SearchHit;
import dev.executortools.ToolRegistry;
import dev.executortools.internal.Json;
import dev.executortools.testing.CliProcess;
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

  private static final String ITEMS =
      """
      openapi: 3.1.0
      info: {title: items, version: '1'}
      paths:
        /items:
          get:
            operationId: listItems
            summary: List the items in the warehouse
            responses: {'200': {description: ok}}
        /items/{id}:
          get:
            operationId: getItem
            parameters:
              - {name: id, in: path, required: true, schema: {type: integer}}
            responses: {'200': {description: ok}}
      """;

  private static final String PARCELS =
      """
      openapi: 3.1.0
      info: {title: parcels, version: '1'}
      paths:
        /parcels:
          post:
            operationId: shipParcel
            summary: Ship a parcel to a customer
            responses: {'200': {description: ok}}
      """;

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
    add("items", ITEMS, false);
    add("parcels", PARCELS, false);
    assertThat(index("items")).isRegularFile();
    assertThat(index("parcels")).isRegularFile();
    Object before = identity(index("items"));

    assertThat(search("ship a package to a client", null))
        .first()
        .isEqualTo("parcels.parcels.shipParcel");
    assertThat(search("list the warehouse items", "items"))
        .first()
        .isEqualTo("items.items.listItems");
    assertThat(identity(index("items"))).as("read, not written again").isEqualTo(before);

    try (ToolRegistry registry = registry()) {
      assertThat(registry.removeSource("parcels").ok()).isTrue();
    }
    assertThat(index("parcels")).doesNotExist();
    assertThat(home.resolve("sources").resolve("parcels.json")).doesNotExist();
    assertThat(search("ship a parcel", null)).noneMatch(id -> id.startsWith("parcels."));
  }

  @Test
  void aSearchInANewProcessOpensTheIndexesAndNoSourceFile() throws Exception {
    Assumptions.assumeTrue(straceRuns(), "strace is not installed or may not trace here");
    add("items", ITEMS, false);
    add("parcels", PARCELS, false);
    Path trace = dir.resolve("trace.txt");

    CliProcess run =
        CliProcess.run(
            dir,
            List.of("strace", "-f", "-qq", "-e", "trace=open,openat", "-o", trace.toString()),
            List.of("-Xmx256m"),
            "--home",
            home.toString(),
            "tools",
            "search",
            "ship a parcel");

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode hits = Json.MAPPER.readTree(run.out()).path("data");
    assertThat(hits.path(0).path("id").asString()).isEqualTo("parcels.parcels.shipParcel");
    List<String> opens =
        Files.readAllLines(trace).stream().filter(l -> l.contains(home + "/sources/")).toList();
    assertThat(opens)
        .anyMatch(l -> l.contains("items.search"))
        .anyMatch(l -> l.contains("parcels.search"));
    assertThat(opens).as("no stored tool is read").noneMatch(l -> l.contains(".json\""));
  }

  @Test
  void aHomeWrittenBeforeGetsItsIndexOnTheFirstSearch() throws Exception {
    add("items", ITEMS, false);
    Files.delete(index("items")); // as a home written before indexes were kept

    assertThat(search("list the warehouse items", null)).first().isEqualTo("items.items.listItems");
    assertThat(index("items")).isRegularFile();
    Object built = identity(index("items"));
    assertThat(search("list the warehouse items", null)).first().isEqualTo("items.items.listItems");
    assertThat(identity(index("items"))).as("the stored one is read").isEqualTo(built);
  }

  @Test
  void aDamagedIndexIsBuiltAgainNeverAFailedSearch() throws Exception {
    add("items", ITEMS, false);
    List<String> expected = search("list the warehouse items", null);
    byte[] bytes = Files.readAllBytes(index("items"));
    for (byte[] damaged :
        List.of(
            flipped(bytes, bytes.length / 2),
            java.util.Arrays.copyOf(bytes, bytes.length / 3),
            new byte[0],
            "not an index at all".getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      Files.write(index("items"), damaged);

      assertThat(search("list the warehouse items", null)).isEqualTo(expected);
      try (ToolRegistry registry = registry()) {
        assertThat(registry.closestIds("items.items.listItem", 1))
            .containsExactly("items.items.listItems");
      }
      assertThat(Files.readAllBytes(index("items"))).as("stored again").hasSameSizeAs(bytes);
    }
  }

  @Test
  void replacingOrRefreshingASourceKeepsItsIndexInStep() throws Exception {
    add("items", ITEMS, false);
    Object first = identity(index("items"));
    add("items", PARCELS.replace("parcels", "items"), true);

    assertThat(identity(index("items"))).isNotEqualTo(first);
    assertThat(search("ship a parcel", null)).first().isEqualTo("items.items.shipParcel");
    assertThat(search("list the warehouse items", null)).doesNotContain("items.items.listItems");

    Object replaced = identity(index("items"));
    try (ToolRegistry registry = registry()) {
      assertThat(registry.refreshSource("items").ok()).isTrue();
    }
    assertThat(identity(index("items")))
        .as("written with the refreshed source")
        .isNotEqualTo(replaced);
    Object refreshed = identity(index("items"));
    assertThat(search("ship a parcel", null)).first().isEqualTo("items.items.shipParcel");
    assertThat(identity(index("items"))).as("and read as it is").isEqualTo(refreshed);
  }

  @Test
  void aLongRunningRegistrySeesAnotherProcesssChange() throws Exception {
    add("items", ITEMS, false);
    try (ToolRegistry serving = registry()) {
      assertThat(serving.search("list the warehouse items", 5, null)).isNotEmpty();
      add("items", PARCELS.replace("parcels", "items"), true); // as another process

      assertThat(serving.search("ship a parcel", 1, null).get(0).id())
          .isEqualTo("items.items.shipParcel");
    }
  }

  private static byte[] flipped(byte[] bytes, int at) {
    byte[] copy = bytes.clone();
    copy[at] ^= 0x5a;
    return copy;
  }

  private static boolean straceRuns() {
    try {
      Process p = new ProcessBuilder("strace", "-o", "/dev/null", "true").start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
