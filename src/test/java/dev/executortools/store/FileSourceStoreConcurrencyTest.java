package dev.executortools.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.home.PrivateFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceStoreConcurrencyTest {
  private static final int THREADS = 64;

  @TempDir Path home;

  @Test
  void sixtyFourThreadsPuttingRemovingAndLoadingLeaveExactlyTheSourcesEachKeptLast()
      throws Exception {
    FileSourceStore shared = new FileSourceStore(home);
    Map<String, StoredSource> expected = new ConcurrentHashMap<>();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    long deadline = System.nanoTime() + 2_000_000_000L;
    List<Future<Integer>> results = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      // Half the threads share one store, half have their own: both must be safe.
      SourceStore store = t % 2 == 0 ? shared : new FileSourceStore(home);
      results.add(
          pool.submit(
              () -> {
                start.await();
                Map<String, StoredSource> mine = new HashMap<>();
                int operations = 0;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < deadline) {
                  String namespace = "t" + thread + "_" + random.nextInt(3);
                  switch (random.nextInt(4)) {
                    case 0, 1 -> {
                      StoredSource source =
                          StoreFixtures.source(namespace, 1 + random.nextInt(4))
                              .refreshed(
                                  StoreFixtures.config(namespace),
                                  StoreFixtures.tools(namespace, random.nextInt(5)),
                                  Instant.ofEpochMilli(operations));
                      store.put(source);
                      mine.put(namespace, source);
                    }
                    case 2 ->
                        assertThat(store.remove(namespace))
                            .isEqualTo(mine.remove(namespace) != null);
                    default -> {
                      LoadReport report = store.loadAll();
                      assertThat(report.problems()).isEmpty();
                      for (StoredSource source : report.sources()) {
                        if (mine.containsKey(source.namespace()))
                          assertThat(source).isEqualTo(mine.get(source.namespace()));
                      }
                    }
                  }
                  operations++;
                }
                expected.putAll(mine);
                return operations;
              }));
    }
    start.countDown();
    int operations = 0;
    for (Future<Integer> result : results) operations += result.get();
    pool.shutdown();

    LoadReport report = new FileSourceStore(home).loadAll();
    assertThat(operations).isGreaterThan(THREADS);
    assertThat(report.problems()).isEmpty();
    assertThat(report.sources()).containsExactlyElementsOf(new TreeMap<>(expected).values());
    try (Stream<Path> files = Files.list(home.resolve("sources"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .noneMatch(name -> name.endsWith(PrivateFiles.TEMP_SUFFIX));
    }
  }

  @Test
  void concurrentPutIfAbsentOfOneNamespaceLetsExactlyOneWriterIn() throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      int thread = t;
      results.add(
          pool.submit(
              () -> {
                start.await();
                return new FileSourceStore(home)
                    .putIfAbsent(StoreFixtures.source("pets", thread + 1));
              }));
    }
    start.countDown();
    int winners = 0;
    int winnerToolCount = -1;
    for (int t = 0; t < results.size(); t++) {
      if (results.get(t).get()) {
        winners++;
        winnerToolCount = t + 1;
      }
    }
    pool.shutdown();

    assertThat(winners).isEqualTo(1);
    assertThat(new FileSourceStore(home).get("pets").orElseThrow().tools())
        .hasSize(winnerToolCount);
  }

  @Test
  void secretsSetByManyThreadsAreAllKept() throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<?>> results = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      int thread = t;
      results.add(
          pool.submit(
              () -> {
                start.await();
                FileSecretStore secrets = new FileSecretStore(home);
                for (int i = 0; i < 5; i++)
                  secrets.set("s" + thread + "_" + i, "v" + thread + "_" + i);
                secrets.remove("s" + thread + "_0");
                return null;
              }));
    }
    start.countDown();
    for (Future<?> result : results) result.get();
    pool.shutdown();

    FileSecretStore secrets = new FileSecretStore(home);
    assertThat(secrets.names()).hasSize(16 * 4).doesNotContain("s3_0").contains("s15_4");
    assertThat(secrets.secret("s7_3")).contains("v7_3");
  }
}
