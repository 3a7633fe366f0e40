package dev.executortools.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** Sources kept in memory only, for a registry without a home directory and for tests. */
public final class MemorySourceStore implements SourceStore {
  private final ConcurrentSkipListMap<String, StoredSource> sources = new ConcurrentSkipListMap<>();

  @Override
  public LoadReport loadAll() {
    return new LoadReport(List.copyOf(sources.values()), List.of());
  }

  @Override
  public Optional<StoredSource> get(String namespace) {
    return Optional.ofNullable(sources.get(namespace));
  }

  @Override
  public void put(StoredSource source) {
    sources.put(source.namespace(), source);
  }

  @Override
  public boolean putIfAbsent(StoredSource source) {
    return sources.putIfAbsent(source.namespace(), source) == null;
  }

  @Override
  public boolean remove(String namespace) {
    return sources.remove(namespace) != null;
  }

  @Override
  public String toString() {
    return "MemorySourceStore[" + sources.size() + " sources]";
  }
}
