package dev.executortools.registry;

import dev.executortools.compile.CompiledTool;
import dev.executortools.home.StoreException;
import dev.executortools.search.IndexSegment;
import dev.executortools.search.SearchDocument;
import dev.executortools.search.SegmentBuilder;
import dev.executortools.store.SearchIndexFiles;
import dev.executortools.store.StoredSource;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The search index of each stored source: built when the source is added or refreshed and stored
 * beside it, read back (mapped, never parsed into objects) by a search in any later process. An
 * index records the version of the source file it was built from; one that is missing (a home
 * written before indexes were kept), of another version or damaged is built again from the stored
 * tools, streamed, and stored for the next process. A store that keeps no files (in memory) keeps
 * each source's index in memory, built when first needed.
 */
final class SearchSegments {
  private final Sources sources;

  SearchSegments(Sources sources) {
    this.sources = sources;
  }

  /** The text search reads of a tool (its operation's summary, when it has one). */
  static SearchDocument document(CompiledTool compiled) {
    String summary = compiled.operation() == null ? null : compiled.operation().summary();
    return SearchDocument.of(
        compiled.tool(), compiled.inputSchema(), compiled.outputSchema(), summary);
  }

  /**
   * The index of {@code slot}'s source: the one it holds, else the stored one when it was built
   * from the stored version, else one built now (and stored).
   *
   * @throws StoreException when the index must be built and the source cannot be read
   */
  IndexSegment of(SourceSlot slot) {
    IndexSegment held = slot.searchSegment;
    if (held != null) return held;
    synchronized (slot.searchLock) {
      held = slot.searchSegment;
      if (held != null) return held;
      Optional<SearchIndexFiles> files = sources.store().searchIndexes();
      String version = files.isPresent() ? sources.version(slot.namespace) : null;
      IndexSegment segment = version == null ? null : stored(files.get(), slot.namespace, version);
      if (segment == null) {
        SegmentBuilder builder = new SegmentBuilder();
        slot.forEach(true, entry -> builder.add(document(entry.compiled)));
        ByteBuffer built = builder.toBuffer();
        segment = IndexSegment.read(built);
        if (version != null) segment = store(files.get(), slot.namespace, built, version, segment);
      }
      slot.searchSegment = segment;
      return segment;
    }
  }

  /**
   * The stored index of {@code namespace} when it is of {@code version} and readable, else null.
   */
  private static IndexSegment stored(SearchIndexFiles files, String namespace, String version) {
    try {
      IndexSegment segment = files.read(namespace).map(IndexSegment::read).orElse(null);
      return segment != null && segment.stamp().equals(version) ? segment : null;
    } catch (StoreException | IndexSegment.DamagedException e) {
      return null; // built again
    }
  }

  /**
   * Stores {@code built} as the index of version {@code version} and answers it mapped from its
   * file (out of the heap); {@code fallback} when it cannot be stored: the next process builds it
   * again.
   */
  private static IndexSegment store(
      SearchIndexFiles files,
      String namespace,
      ByteBuffer built,
      String version,
      IndexSegment fallback) {
    try {
      files.write(namespace, IndexSegment.stamped(built, version));
      IndexSegment stored = stored(files, namespace, version);
      return stored != null ? stored : fallback;
    } catch (StoreException e) {
      return fallback;
    }
  }

  /**
   * Builds the index of {@code source}'s tools on another thread, while the source is written: what
   * {@link #installed} stores once the source is.
   */
  static CompletableFuture<ByteBuffer> build(StoredSource source) {
    CompletableFuture<ByteBuffer> future = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                SegmentBuilder builder = new SegmentBuilder();
                source.tools().forEach(tool -> builder.add(document(tool)));
                future.complete(builder.toBuffer());
              } catch (Throwable e) { // an index is an optimisation: the first search builds it
                future.completeExceptionally(e);
              }
            },
            "search-index");
    thread.setDaemon(true);
    thread.start();
    return future;
  }

  /**
   * After {@code slot}'s source was written (holding the store's lock, so that its version is the
   * one written): stores the index {@code built} beside it, stamped with that version, and gives it
   * to the slot. An index that could not be built or stored is left to the first search.
   */
  void installed(SourceSlot slot, CompletableFuture<ByteBuffer> built) {
    ByteBuffer index;
    try {
      index = built.join();
    } catch (RuntimeException e) {
      return;
    }
    IndexSegment segment = IndexSegment.read(index);
    Optional<SearchIndexFiles> files = sources.store().searchIndexes();
    String version = files.flatMap(f -> f.sourceVersion(slot.namespace)).orElse(null);
    if (version != null) segment = store(files.get(), slot.namespace, index, version, segment);
    slot.searchSegment = segment;
  }
}
