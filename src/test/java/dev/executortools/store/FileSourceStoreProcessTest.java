package dev.executortools.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.home.PrivateFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes on one home directory: a writer killed mid-write, and writers at the same time.
 */
class FileSourceStoreProcessTest {
  private static final int BIG = 3_000;

  @TempDir Path temp;

  @Test
  void aWriterKilledWhileWritingLeavesEveryEarlierSourceIntactAndTheStoreUsable() throws Exception {
    Path home = temp.resolve("home");
    FileSourceStore store = new FileSourceStore(home);
    StoredSource pets = StoreFixtures.source("pets", 5);
    StoredSource shop = StoreFixtures.source("shop", 2);
    store.put(pets);
    store.put(shop);
    boolean killedMidWrite = false;

    for (int round = 0; round < 3; round++) {
      Process child =
          ChildJvm.start(
              StoreChildMain.class,
              temp.resolve("child" + round + ".log"),
              "loop",
              home.toString(),
              "big",
              String.valueOf(BIG));
      try {
        assertThat(ChildJvm.awaitLine(child, "wrote 2")).as("child log in %s", temp).isTrue();
        Thread.sleep(ThreadLocalRandom.current().nextInt(1, 200));
      } finally {
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      killedMidWrite |= tempFileIn(home.resolve("sources"));

      LoadReport report = new FileSourceStore(home).loadAll();
      assertThat(report.problems()).isEmpty();
      assertThat(report.sources())
          .extracting(StoredSource::namespace)
          .containsExactly("big", "pets", "shop");
      assertThat(report.sources().get(0).tools()).hasSize(BIG);
      assertThat(report.sources().get(0).tools().get(BIG - 1))
          .isEqualTo(StoreFixtures.tools("big", BIG).get(BIG - 1));
      assertThat(report.sources().subList(1, 3)).containsExactly(pets, shop);
    }

    // The lock the killed writer held is free, and its leftovers go with the next write.
    store.put(StoreFixtures.source("after", 1));
    assertThat(store.get("after")).isPresent();
    assertThat(tempFileIn(home.resolve("sources"))).isFalse();
    assertThat(killedMidWrite).as("at least one kill landed during a write").isTrue();
  }

  @Test
  void twoProcessesAddingSourcesAtTheSameTimeBothKeepTheirs() throws Exception {
    Path home = temp.resolve("home");
    List<Process> children = startBoth(home, "sources", 15);

    LoadReport report = new FileSourceStore(home).loadAll();
    assertThat(report.problems()).isEmpty();
    assertThat(report.sources())
        .extracting(StoredSource::namespace)
        .containsExactlyInAnyOrderElementsOf(names(15));
    assertThat(children).allSatisfy(child -> assertThat(child.exitValue()).isZero());
  }

  @Test
  void twoProcessesSettingSecretsAtTheSameTimeBothKeepTheirs() throws Exception {
    Path home = temp.resolve("home");
    startBoth(home, "secrets", 25);

    FileSecretStore secrets = new FileSecretStore(home);
    assertThat(secrets.names()).containsExactlyInAnyOrderElementsOf(names(25));
    assertThat(secrets.secret("b_24")).contains("value-b-24");
  }

  private List<Process> startBoth(Path home, String mode, int count) throws Exception {
    PrivateFiles.createDirectories(home);
    Process a =
        ChildJvm.start(
            StoreChildMain.class,
            temp.resolve("a.log"),
            mode,
            home.toString(),
            "a",
            String.valueOf(count));
    Process b =
        ChildJvm.start(
            StoreChildMain.class,
            temp.resolve("b.log"),
            mode,
            home.toString(),
            "b",
            String.valueOf(count));
    try {
      assertThat(ChildJvm.awaitLine(a, "ready")).isTrue();
      assertThat(ChildJvm.awaitLine(b, "ready")).isTrue();
      Files.createFile(home.resolve(ChildJvm.GO_FILE));
      assertThat(ChildJvm.awaitLine(a, "done")).as("child a, log in %s", temp).isTrue();
      assertThat(ChildJvm.awaitLine(b, "done")).as("child b, log in %s", temp).isTrue();
      assertThat(a.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(b.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      a.destroyForcibly();
      b.destroyForcibly();
    }
    return List.of(a, b);
  }

  private static List<String> names(int count) {
    return Stream.of("a", "b")
        .flatMap(p -> IntStream.range(0, count).mapToObj(i -> p + "_" + i))
        .toList();
  }

  private static boolean tempFileIn(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(PrivateFiles.TEMP_SUFFIX));
    }
  }
}
