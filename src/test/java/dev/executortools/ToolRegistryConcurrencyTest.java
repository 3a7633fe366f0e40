package dev.executortools;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.executortools.internal.Json;
import dev.executortools.store.SourceSummary;
import dev.executortools.testing.Corpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolRegistryConcurrencyTest {
  private static final String SPEC = Corpus.resource("/specs/items-v1.yaml");

  @TempDir Path home;

  @Test
  void sixtyFourThreadsAddingCallingAndRemovingLeaveAConsistentState() throws Exception {
    WireMockServer upstream = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(32));
    upstream.start();
    upstream.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody("[]")));
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(64);
    try (ToolRegistry registry = ToolRegistry.builder().home(home).approvals(ApprovalHandler.APPROVE_ALL).build()) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 64; t++) {
        String namespace = "ns" + (t % 16);  // four threads share each namespace: real contention
        futures.add(pool.submit(() -> {
          while (System.nanoTime() < deadline) {
            ToolResult added = registry.call("openapi.addSource", Json.object().put("spec", SPEC)
                .put("namespace", namespace).put("baseUrl", upstream.baseUrl()).put("replace", true));
            if (!added.ok()) failures.add("add: " + added);
            ToolResult called = registry.call(namespace + ".items.listItems", Json.object());
            if (!called.ok() && !called.error().code().equals(ErrorCode.UNKNOWN_TOOL)) failures.add("call: " + called);
            registry.tools();
            ToolResult removed = registry.removeSource(namespace);
            if (!removed.ok() && !removed.error().code().equals(ErrorCode.UNKNOWN_SOURCE)) failures.add("remove: " + removed);
          }
          return null;
        }));
      }
      for (Future<?> f : futures) f.get(60, TimeUnit.SECONDS);
      assertThat(failures).isEmpty();

      Set<String> stored = new TreeSet<>();
      new dev.executortools.store.FileSourceStore(home).load().forEach(s -> stored.add(s.namespace()));
      Set<String> listed = new TreeSet<>();
      registry.tools().forEach(t -> { if (t.id().startsWith("ns")) listed.add(t.source()); });
      assertThat(listed).as("tools listed are exactly those of the sources on disk").isEqualTo(stored);
      Set<String> known = new TreeSet<>();
      registry.sources().forEach(s -> known.add(s.namespace()));
      assertThat(known).isEqualTo(stored);
      assertThat(registry.sourceProblems()).isEmpty();
    } finally {
      pool.shutdownNow();
      upstream.stop();
    }
    try (ToolRegistry reopened = ToolRegistry.builder().home(home).build()) {
      assertThat(reopened.sourceProblems()).isEmpty();
      for (SourceSummary source : reopened.sources()) assertThat(source.toolCount()).isEqualTo(3);
    }
  }
}
