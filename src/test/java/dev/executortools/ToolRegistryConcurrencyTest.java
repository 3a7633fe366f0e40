package dev.executortools;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.executortools.internal.Json;
import dev.executortools.store.FileSourceStore;
import dev.executortools.testing.Corpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 64 threads, four per namespace, add, call, list and remove sources on one registry for three
 * seconds; then, all at once, the threads of half the namespaces add theirs a last time and the
 * others remove theirs. The end state is known (ns0..ns7 present, ns8..ns15 gone) and must be the
 * same on disk, in the tool list, in {@code sources()} and in a new registry on the same home.
 * Every upstream path answers with its own namespace, so a call that reached another source's
 * server shows.
 */
class ToolRegistryConcurrencyTest {
  private static final String SPEC = Corpus.resource("/specs/items-v1.yaml");
  private static final int NAMESPACES = 16;
  private static final int THREADS = 64;
  private static final Set<String> KEPT =
      IntStream.range(0, NAMESPACES / 2)
          .mapToObj(i -> "ns" + i)
          .collect(Collectors.toCollection(TreeSet::new));

  @TempDir Path home;

  @Test
  @Timeout(90)
  void sixtyFourThreadsAddingCallingAndRemovingLeaveAConsistentState() throws Exception {
    WireMockServer upstream =
        new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(32));
    upstream.start();
    for (int n = 0; n < NAMESPACES; n++) {
      upstream.stubFor(
          get(urlPathEqualTo("/ns" + n + "/items"))
              .willReturn(
                  aResponse()
                      .withHeader("Content-Type", "application/json")
                      .withBody("[\"ns" + n + "\"]")));
    }
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicInteger okCalls = new AtomicInteger();
    CyclicBarrier loopsDone = new CyclicBarrier(THREADS);
    CyclicBarrier finalWritesDone = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (ToolRegistry registry =
        ToolRegistry.builder().home(home).approvals(ApprovalHandler.APPROVE_ALL).build()) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        String namespace =
            "ns" + (t % NAMESPACES); // four threads share each namespace: real contention
        futures.add(
            pool.submit(
                () -> {
                  while (System.nanoTime() < deadline) {
                    add(registry, namespace, upstream, failures);
                    ToolResult called =
                        registry.call(namespace + ".items.listItems", Json.object());
                    if (called.ok()) {
                      okCalls.incrementAndGet();
                      if (!called.data().toString().equals("[\"" + namespace + "\"]"))
                        failures.add("call reached " + called);
                    } else if (called.error().code() != ErrorCode.UNKNOWN_TOOL) {
                      failures.add(
                          "call: " + called); // only a removal by another thread may beat it
                    }
                    registry.tools();
                    ToolResult removed = registry.removeSource(namespace);
                    if (!removed.ok() && removed.error().code() != ErrorCode.UNKNOWN_SOURCE)
                      failures.add("remove: " + removed);
                  }
                  loopsDone.await(30, TimeUnit.SECONDS);
                  if (KEPT.contains(namespace)) {
                    add(registry, namespace, upstream, failures);
                  } else {
                    ToolResult removed = registry.removeSource(namespace);
                    if (!removed.ok() && removed.error().code() != ErrorCode.UNKNOWN_SOURCE)
                      failures.add("last remove: " + removed);
                  }
                  finalWritesDone.await(30, TimeUnit.SECONDS);
                  ToolResult called = registry.call(namespace + ".items.listItems", Json.object());
                  if (KEPT.contains(namespace)) {
                    if (!called.ok() || !called.data().toString().equals("[\"" + namespace + "\"]"))
                      failures.add("kept: " + called);
                  } else if (called.ok() || called.error().code() != ErrorCode.UNKNOWN_TOOL) {
                    failures.add("removed but called: " + called);
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) f.get(60, TimeUnit.SECONDS);
      assertThat(failures).isEmpty();
      assertThat(okCalls.get())
          .as("calls that found their source and got its answer")
          .isGreaterThan(THREADS);

      assertThat(storedNamespaces()).as("on disk").isEqualTo(KEPT);
      Set<String> listed = new TreeSet<>();
      List<String> listedIds = new ArrayList<>();
      registry
          .tools()
          .forEach(
              t -> {
                if (t.id().startsWith("ns")) {
                  listed.add(t.source());
                  listedIds.add(t.id());
                }
              });
      assertThat(listed).as("sources of the tools listed").isEqualTo(KEPT);
      assertThat(listedIds)
          .as("each kept source listed once, with its three tools")
          .hasSize(3 * KEPT.size());
      Set<String> known = new TreeSet<>();
      registry.sources().forEach(s -> known.add(s.namespace()));
      assertThat(known).isEqualTo(KEPT);
      assertThat(registry.sourceProblems()).isEmpty();
    } finally {
      pool.shutdownNow();
      upstream.stop();
    }
    try (ToolRegistry reopened = ToolRegistry.builder().home(home).build()) {
      assertThat(reopened.sourceProblems()).isEmpty();
      Set<String> reloaded = new TreeSet<>();
      for (SourceInfo source : reopened.sources()) {
        reloaded.add(source.namespace());
        assertThat(source.toolCount()).isEqualTo(3);
      }
      assertThat(reloaded).isEqualTo(KEPT);
    }
  }

  private static void add(
      ToolRegistry registry,
      String namespace,
      WireMockServer upstream,
      ConcurrentLinkedQueue<String> failures) {
    ToolResult added =
        registry.call(
            "openapi.addSource",
            Json.object()
                .put("spec", SPEC)
                .put("namespace", namespace)
                .put("baseUrl", upstream.baseUrl() + "/" + namespace)
                .put("replace", true));
    if (!added.ok()) failures.add("add: " + added);
  }

  private Set<String> storedNamespaces() {
    Set<String> stored = new TreeSet<>();
    new FileSourceStore(home).load().forEach(s -> stored.add(s.namespace()));
    return stored;
  }
}
