package dev.executortools.registry;

import dev.executortools.StoreProblem;
import dev.executortools.home.StoreException;
import dev.executortools.naming.ToolPathOrder;
import dev.executortools.store.LoadReport;
import dev.executortools.store.SourceStore;
import dev.executortools.store.SourceSummary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The sources behind the HTTP tools: the bundled SSO-OIDC one and those added at run time, kept in
 * a {@link SourceStore} and read from it only as far as each request needs ({@link SourceSlot}).
 * Readers see an immutable map of slots; writers ({@link SourceWrites}) store first, then swap it.
 */
final class Sources {
  private final SourceStore store;
  private final BundledSource bundled;
  private final Object writeLock = new Object();

  /** The stored sources by namespace, in the order their tools are listed. */
  private volatile Map<String, SourceSlot> slots;

  /** Sources found unreadable, by namespace; cleared when the store's copy changes. */
  private final Map<String, StoreProblem> problems = Collections.synchronizedMap(new TreeMap<>());

  /**
   * The store's version of each source as last seen; null when no other process can write it, and
   * {@link #UNSEEN} until the first {@link #sync}.
   */
  private volatile Map<String, String> knownVersions = UNSEEN;

  /** The versions before any were read (compared by identity). */
  private static final Map<String, String> UNSEEN = Collections.unmodifiableMap(new TreeMap<>());

  /**
   * Lists the stored sources, reading none of them: their versions are read by the first {@link
   * #sync}, which every request that needs them starts with.
   */
  Sources(BundledSource bundled, SourceStore store) {
    this.store = store;
    this.bundled = bundled;
    Map<String, SourceSlot> initial = newSlotMap();
    for (String namespace : store.namespaces()) {
      initial.put(namespace, new SourceSlot(namespace, store));
    }
    slots = Collections.unmodifiableMap(initial);
  }

  /**
   * Picks up what other processes changed in the store since it was last seen: sources added,
   * refreshed, replaced or removed. Cheap when nothing changed (one directory listing).
   */
  void sync() {
    Map<String, String> known = knownVersions;
    if (known == null) return;
    Map<String, String> current;
    try {
      current = store.versions().orElse(null);
    } catch (StoreException e) {
      return; // the store cannot be listed now: keep serving what was known
    }
    if (current == null) { // nothing else writes to this store
      knownVersions = null;
      return;
    }
    if (current.equals(known) && known != UNSEEN) return;
    synchronized (writeLock) {
      known = knownVersions;
      if (known == UNSEEN) {
        first(current);
        return;
      }
      Map<String, SourceSlot> next = newSlotMap();
      next.putAll(slots);
      for (Map.Entry<String, String> entry : current.entrySet()) {
        String namespace = entry.getKey();
        if (entry.getValue().equals(known.get(namespace))) continue;
        SourceSlot fresh = new SourceSlot(namespace, store);
        try {
          fresh.summary(); // a damaged new copy must not replace what was loaded
          next.put(namespace, fresh);
          problems.remove(namespace);
        } catch (StoreException e) {
          if (!next.containsKey(namespace)) next.put(namespace, fresh);
          problems.put(namespace, LoadReport.problem(namespace, e));
        }
      }
      for (String namespace : known.keySet()) {
        if (current.containsKey(namespace)) continue;
        next.remove(namespace);
        problems.remove(namespace);
      }
      knownVersions = current;
      slots = Collections.unmodifiableMap(next);
    }
  }

  /**
   * The slots of the first versions read: a fresh slot for each, since what any slot read before
   * cannot be told apart from what is stored now. Nothing was loaded from a known version, so there
   * is nothing to keep a damaged copy from replacing.
   */
  private void first(Map<String, String> current) {
    Map<String, SourceSlot> next = newSlotMap();
    for (String namespace : current.keySet()) {
      next.put(namespace, new SourceSlot(namespace, store));
    }
    problems.clear(); // found in slots now replaced: reading the new ones finds them again
    knownVersions = current;
    slots = Collections.unmodifiableMap(next);
  }

  /** The bundled tools, then those of every readable stored source (read in full). */
  List<HttpToolEntry> httpTools() {
    List<HttpToolEntry> all = new ArrayList<>(bundled.tools());
    for (SourceSlot slot : slots.values()) {
      try {
        all.addAll(slot.all());
      } catch (StoreException e) {
        problem(slot, e);
      }
    }
    return all;
  }

  /** The bundled tools, sorted by id. */
  List<HttpToolEntry> bundledTools() {
    return bundled.tools();
  }

  /**
   * Hands the tools of every stored source (or of {@code namespace} only) to {@code sink}, sorted
   * by id, streaming sources that are not in memory. A source that cannot be read is skipped (and
   * reported by {@link #problems()}), possibly after some of its tools.
   *
   * @return the namespaces of the sources that could not be read (now)
   */
  java.util.Set<String> forEachStoredTool(
      String namespace, boolean schemas, Consumer<HttpToolEntry> sink) {
    java.util.Set<String> failed = new java.util.HashSet<>();
    for (SourceSlot slot : slots.values()) {
      if (namespace != null && !namespace.equals(slot.namespace)) continue;
      try {
        slot.forEach(schemas, sink);
      } catch (StoreException e) {
        problem(slot, e);
        failed.add(slot.namespace);
      }
    }
    return failed;
  }

  /**
   * The stored tools at positions {@code from} to {@code from + count} (exclusive) of all sources
   * in namespace order, each source's in stored order; returns how many stored tools there are
   * (counted from the summaries). A source that cannot be read adds nothing and is reported.
   */
  int storedTools(int from, int count, Consumer<HttpToolEntry> sink) {
    int position = 0;
    for (SourceSlot slot : slots.values()) {
      try {
        int n = slot.toolCount();
        int start = Math.max(from, position);
        int end = Math.min(from + count, position + n);
        if (start < end) slot.tools(start - position, end - start).forEach(sink);
        position += n;
      } catch (StoreException e) {
        problem(slot, e);
      }
    }
    return position;
  }

  /** The tool with this id, or null: the bundled ones, else one tool of the source it names. */
  HttpToolEntry httpTool(String id) {
    HttpToolEntry entry = bundled.tool(id);
    if (entry != null) return entry;
    int dot = id.indexOf('.');
    SourceSlot slot = dot > 0 ? slots.get(id.substring(0, dot)) : null;
    if (slot == null) return null;
    try {
      return slot.tool(id);
    } catch (StoreException e) {
      problem(slot, e);
      return null;
    }
  }

  /** Changes whenever the set of HTTP tools changes (compared by identity). */
  Object generation() {
    return slots;
  }

  /** Stored sources found unreadable so far; {@link #summaries()} reads every one. */
  List<StoreProblem> problems() {
    synchronized (problems) {
      return List.copyOf(problems.values());
    }
  }

  /**
   * The added sources without their tools, sorted by namespace; unreadable ones become problems.
   */
  List<SourceSummary> summaries() {
    List<SourceSummary> summaries = new ArrayList<>();
    for (SourceSlot slot : new TreeMap<>(slots).values()) {
      try {
        SourceSummary summary = slot.summary();
        if (summary != null) summaries.add(summary);
      } catch (StoreException e) {
        problem(slot, e);
      }
    }
    return summaries;
  }

  /** Records that {@code slot} cannot be read, unless it was replaced or removed meanwhile. */
  void problem(SourceSlot slot, StoreException e) {
    synchronized (writeLock) {
      if (slots.get(slot.namespace) == slot) {
        problems.put(slot.namespace, LoadReport.problem(slot.namespace, e));
      }
    }
  }

  /**
   * Serves {@code slot} as its namespace's source (null: serves none), after this process stored or
   * removed it; readers see the new map at once. Call under {@link #writeLock()}.
   */
  void swap(String namespace, SourceSlot slot) {
    synchronized (writeLock) {
      Map<String, SourceSlot> next = newSlotMap();
      next.putAll(slots);
      if (slot == null) next.remove(namespace);
      else next.put(namespace, slot);
      problems.remove(namespace);
      noteOwnWrite(namespace);
      slots = Collections.unmodifiableMap(next);
    }
  }

  /** The stored sources' slots, in the order their tools are listed. */
  java.util.Collection<SourceSlot> slots() {
    return slots.values();
  }

  /**
   * The store's version of {@code namespace} as last seen (see {@link #sync}), or null when the
   * store tells none.
   */
  String version(String namespace) {
    Map<String, String> known = knownVersions;
    return known == null ? null : known.get(namespace);
  }

  /** The slot serving {@code namespace}, or null. */
  SourceSlot slot(String namespace) {
    return slots.get(namespace);
  }

  /** Held while a source is written and swapped in, so writes of one process never interleave. */
  Object writeLock() {
    return writeLock;
  }

  SourceStore store() {
    return store;
  }

  /**
   * After this process wrote a source: its new version is known, other changes are still to see.
   */
  private void noteOwnWrite(String namespace) {
    Map<String, String> known = knownVersions;
    if (known == null || known == UNSEEN) return; // the first sync reads every version
    Map<String, String> next = new TreeMap<>(known);
    String version = store.versions().orElse(Map.of()).get(namespace);
    if (version == null) next.remove(namespace);
    else next.put(namespace, version);
    knownVersions = next;
  }

  /**
   * Namespaces in the order their tools are listed: the tools of namespace A sort before those of B
   * exactly when {@code A.} sorts before {@code B.} (namespaces hold no dot), so each source's
   * tools form one run of the sorted list.
   */
  private static Map<String, SourceSlot> newSlotMap() {
    return new TreeMap<>((a, b) -> ToolPathOrder.INSTANCE.compare(a + ".", b + "."));
  }
}
