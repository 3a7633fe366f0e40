package dev.executortools.registry;

import dev.executortools.bind.ServerResolver;
import dev.executortools.compile.CompiledTool;
import dev.executortools.home.StoreException;
import dev.executortools.result.ErrorModel;
import dev.executortools.search.IndexSegment;
import dev.executortools.store.SourceConfig;
import dev.executortools.store.SourceStore;
import dev.executortools.store.SourceSummary;
import dev.executortools.store.SourceTool;
import dev.executortools.store.StoredSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One stored source as this process knows it, read only as far as it is needed: its summary for
 * {@code sources list}, single tools for {@code call} and {@code describe} (through the store's
 * index), every tool only when a caller asks for all of them or has just added it.
 */
final class SourceSlot {
  final String namespace;
  private final SourceStore store;
  private volatile SourceSummary summary;
  private volatile SourceRuntime runtime;

  /** Every tool in stored order, once loaded in full; null until then. */
  private volatile List<HttpToolEntry> all;

  private volatile Map<String, HttpToolEntry> byId;
  private final Map<String, HttpToolEntry> single = new ConcurrentHashMap<>();

  /**
   * The search index of this source once read or built ({@link SearchSegments}); null until then.
   */
  volatile IndexSegment searchSegment;

  /** Held while the search index is read or built (not the slot's own lock: loading waits not). */
  final Object searchLock = new Object();

  SourceSlot(String namespace, SourceStore store) {
    this.namespace = namespace;
    this.store = store;
  }

  /** A slot holding a source this process has just stored: nothing left to read. */
  static SourceSlot loaded(StoredSource source, SourceStore store) {
    SourceSlot slot = new SourceSlot(source.namespace(), store);
    slot.summary = withoutSpecText(source.summary());
    slot.runtime = runtimeOf(source.config());
    slot.fill(source.tools());
    return slot;
  }

  /**
   * The summary, or null when the source was removed meanwhile.
   *
   * @throws StoreException when the source cannot be read
   */
  SourceSummary summary() {
    SourceSummary s = summary;
    if (s == null) {
      s = store.summary(namespace).orElse(null);
      summary = s;
    }
    return s;
  }

  /** The tool with {@code id}, or null; @throws StoreException when the source cannot be read */
  HttpToolEntry tool(String id) {
    Map<String, HttpToolEntry> loaded = byId;
    if (loaded != null) return loaded.get(id);
    HttpToolEntry entry = single.get(id);
    if (entry != null) return entry;
    SourceRuntime r = runtime;
    CompiledTool compiled;
    if (r != null) {
      compiled = store.tool(namespace, id).orElse(null);
    } else { // the summary comes with the tool, from the same read of the source
      SourceTool found = store.toolWithSummary(namespace, id).orElse(null);
      if (found == null) return null;
      if (summary == null) summary = found.summary();
      r = runtime();
      compiled = found.tool();
    }
    if (compiled == null || r == null) return null;
    SourceRuntime known = r;
    return single.computeIfAbsent(id, k -> new HttpToolEntry(compiled, known));
  }

  /**
   * Every tool, read in full once (none when the source was removed meanwhile).
   *
   * @throws StoreException when the source cannot be read
   */
  List<HttpToolEntry> all() {
    List<HttpToolEntry> loaded = all;
    if (loaded != null) return loaded;
    synchronized (this) {
      if (all == null) {
        StoredSource source = store.get(namespace).orElse(null);
        if (source == null) return List.of();
        summary = withoutSpecText(source.summary());
        runtime = runtimeOf(source.config());
        fill(source.tools());
      }
      return all;
    }
  }

  /**
   * Hands every tool to {@code sink} in stored order: from memory when loaded, else streamed from
   * the store without keeping them.
   */
  void forEach(boolean schemas, Consumer<HttpToolEntry> sink) {
    List<HttpToolEntry> loaded = all;
    if (loaded != null) {
      loaded.forEach(sink);
      return;
    }
    SourceRuntime r = runtime();
    if (r == null) return;
    store.forEachTool(namespace, schemas, compiled -> sink.accept(new HttpToolEntry(compiled, r)));
  }

  /** The tools at positions {@code from} to {@code from + count} (exclusive), in stored order. */
  List<HttpToolEntry> tools(int from, int count) {
    List<HttpToolEntry> loaded = all;
    if (loaded != null) {
      int start = Math.min(loaded.size(), Math.max(0, from));
      return loaded.subList(start, Math.min(loaded.size(), start + count));
    }
    SourceRuntime r = runtime();
    if (r == null) return List.of();
    List<HttpToolEntry> out = new ArrayList<>();
    store
        .tools(namespace, from, count)
        .forEach(compiled -> out.add(new HttpToolEntry(compiled, r)));
    return out;
  }

  /** The number of tools, read from the summary (0 when removed meanwhile). */
  int toolCount() {
    SourceSummary s = summary();
    return s == null ? 0 : s.toolCount();
  }

  /** Null when the source was removed meanwhile. */
  private SourceRuntime runtime() {
    SourceRuntime r = runtime;
    if (r == null) {
      SourceSummary s = summary();
      if (s == null) return null;
      runtime = r = runtimeOf(s.config());
    }
    return r;
  }

  private synchronized void fill(List<CompiledTool> tools) {
    List<HttpToolEntry> entries = new ArrayList<>(tools.size());
    Map<String, HttpToolEntry> ids = new HashMap<>();
    for (CompiledTool tool : tools) {
      HttpToolEntry entry = new HttpToolEntry(tool, runtime);
      entries.add(entry);
      ids.put(tool.tool().id(), entry);
    }
    byId = Map.copyOf(ids);
    all = List.copyOf(entries);
  }

  /** The spec text is needed only to refresh, which reads it from the store again. */
  private static SourceSummary withoutSpecText(SourceSummary s) {
    return new SourceSummary(
        s.config().withSpecText(null),
        s.addedAt(),
        s.refreshedAt(),
        s.toolCount(),
        s.specTextChars());
  }

  private static SourceRuntime runtimeOf(SourceConfig c) {
    return new SourceRuntime(
        c.namespace(),
        c.baseUrl(),
        c.trustedOrigins(),
        c.headers(),
        c.queryParams(),
        ServerResolver.DEFAULT,
        ErrorModel.GENERIC,
        c.auth(),
        c.awsProfile(),
        c.awsSigningName());
  }
}
