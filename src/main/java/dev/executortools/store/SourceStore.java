package dev.executortools.store;

import dev.executortools.compile.CompiledTool;
import dev.executortools.home.StoreException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where added sources live between processes. Implementations are safe for concurrent use; sources
 * are returned sorted by namespace.
 */
public interface SourceStore {

  /**
   * Every readable source, sorted by namespace, and a problem for every one that is not. A damaged
   * entry never hides another.
   */
  LoadReport loadAll();

  /** The readable sources, sorted by namespace (problems are dropped: use {@link #loadAll()}). */
  default List<StoredSource> load() {
    return loadAll().sources();
  }

  /**
   * The source of {@code namespace}, or empty when there is none.
   *
   * @throws StoreException when it exists but cannot be read
   */
  Optional<StoredSource> get(String namespace);

  /**
   * The namespaces stored, sorted, damaged entries included (reading them reports the damage).
   *
   * @throws StoreException when the store cannot be listed
   */
  default List<String> namespaces() {
    LoadReport report = loadAll();
    java.util.TreeSet<String> names = new java.util.TreeSet<>();
    report.sources().forEach(s -> names.add(s.namespace()));
    report.problems().forEach(p -> names.add(p.namespace()));
    return List.copyOf(names);
  }

  /**
   * The source of {@code namespace} without its tools, or empty when there is none.
   *
   * @throws StoreException when it exists but cannot be read
   */
  default Optional<SourceSummary> summary(String namespace) {
    return get(namespace).map(StoredSource::summary);
  }

  /**
   * The summary of a source with its config's spec text (what a refresh needs), without its tools.
   *
   * @throws StoreException when the source exists but cannot be read
   */
  default Optional<SourceSummary> summaryWithSpecText(String namespace) {
    return get(namespace).map(StoredSource::summary);
  }

  /**
   * One tool of the source of {@code namespace}, read without the others where the store can.
   *
   * @throws StoreException when the source exists but cannot be read
   */
  default Optional<CompiledTool> tool(String namespace, String id) {
    return toolWithSummary(namespace, id).map(SourceTool::tool);
  }

  /**
   * The summary of the source of {@code namespace} with its tool {@code id} (null when it has no
   * such tool), read together: one read of the source, never two versions of it. Empty when there
   * is no source.
   *
   * @throws StoreException when the source exists but cannot be read
   */
  default Optional<SourceTool> toolWithSummary(String namespace, String id) {
    return get(namespace)
        .map(
            s ->
                new SourceTool(
                    s.summary(),
                    s.tools().stream()
                        .filter(t -> t.tool().id().equals(id))
                        .findFirst()
                        .orElse(null)));
  }

  /**
   * Hands the tools of the source of {@code namespace} to {@code sink} in their stored order (by
   * id), keeping none where the store can. Without {@code schemas} the schemas may lack {@code
   * $defs}.
   *
   * @throws StoreException when the source cannot be read (some tools may have been handed over)
   */
  default void forEachTool(String namespace, boolean schemas, Consumer<CompiledTool> sink) {
    get(namespace).ifPresent(s -> s.tools().forEach(sink));
  }

  /**
   * The tools at positions {@code from} to {@code from + count} (exclusive) of the source, in
   * stored order, with their schemas: one page of a listing.
   *
   * @throws StoreException when the source exists but cannot be read
   */
  default List<CompiledTool> tools(String namespace, int from, int count) {
    return get(namespace)
        .map(
            s -> {
              List<CompiledTool> all = s.tools();
              int start = Math.min(all.size(), Math.max(0, from));
              return List.copyOf(
                  all.subList(start, Math.min(all.size(), start + Math.max(0, count))));
            })
        .orElse(List.of());
  }

  /**
   * Stores {@code source}, replacing any source of its namespace. Either the whole new source is
   * kept or, on failure, the previous one.
   *
   * @throws StoreException when it cannot be written
   */
  void put(StoredSource source);

  /**
   * Stores {@code source} only if its namespace is free (checked and written as one step, across
   * processes for a file store).
   *
   * @return false, changing nothing, when the namespace is taken (even by a damaged entry)
   * @throws StoreException when it cannot be written
   */
  boolean putIfAbsent(StoredSource source);

  /**
   * Removes the source of {@code namespace} (a damaged one too).
   *
   * @return whether there was one
   * @throws StoreException when it cannot be removed
   */
  boolean remove(String namespace);

  /**
   * A token per stored namespace that changes whenever that source's stored form changes, by this
   * process or another; empty when nothing else can write to this store (then nothing needs
   * watching). A long-running registry compares tokens to pick up other processes' changes.
   */
  default Optional<Map<String, String>> versions() {
    return Optional.empty();
  }

  /**
   * The files that keep each source's search index beside it, or empty when this store keeps none
   * (in memory: the index is built when first needed).
   */
  default Optional<SearchIndexFiles> searchIndexes() {
    return Optional.empty();
  }
}
