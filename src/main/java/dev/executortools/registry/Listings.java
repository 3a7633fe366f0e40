package dev.executortools.registry;

import dev.executortools.Tool;
import dev.executortools.ToolPage;
import dev.executortools.home.StoreException;
import dev.executortools.naming.ToolPathOrder;
import dev.executortools.policy.ApprovalPolicy;
import dev.executortools.policy.PolicyAction;
import dev.executortools.search.IndexSegment;
import dev.executortools.search.SearchDocument;
import dev.executortools.search.SegmentBuilder;
import dev.executortools.search.ToolIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The registry's tools as callers see them under the approval policy (blocked ones left out,
 * approval as the rules say): all at once, streamed, a page at a time, or as the search catalog.
 * Stored sources are streamed or read a page at a time, never loaded to be listed.
 */
final class Listings {
  private final Supplier<List<Tool>> pluginTools;
  private final Sources sources;
  private final SearchSegments segmentsOf;
  private final Object searchLock = new Object();
  private volatile SearchCatalog searchCatalog;

  /** {@code pluginTools}: the descriptors of the plugin's own tools (openapi.previewSpec, ...). */
  Listings(Supplier<List<Tool>> pluginTools, Sources sources) {
    this.pluginTools = pluginTools;
    this.sources = sources;
    this.segmentsOf = new SearchSegments(sources);
  }

  /** The tool as callers see it under the approval policy; empty when blocked. */
  static Optional<Tool> effective(Tool tool, ApprovalPolicy policy) {
    PolicyAction action = policy.decide(tool);
    if (action == PolicyAction.BLOCK) return Optional.empty();
    boolean requires = action == PolicyAction.REQUIRE_APPROVAL;
    return Optional.of(
        requires == tool.annotations().requiresApproval()
            ? tool
            : tool.withAnnotations(tool.annotations().withRequiresApproval(requires)));
  }

  /** Every visible tool, sorted as executor sorts them (every source loaded). */
  List<Tool> visible(ApprovalPolicy policy) {
    sources.sync();
    List<Tool> tools = new ArrayList<>();
    for (Tool tool : pluginTools.get()) effective(tool, policy).ifPresent(tools::add);
    sources.httpTools().forEach(e -> effective(e.tool(), policy).ifPresent(tools::add));
    tools.sort(Comparator.comparing(Tool::id, ToolPathOrder.INSTANCE));
    return tools;
  }

  /**
   * The tools that are not in an added source (the plugin's own and the bundled source's), sorted
   * by id: all in memory, so this reads nothing from the store.
   */
  List<Tool> builtIn(ApprovalPolicy policy) {
    List<Tool> tools = new ArrayList<>();
    for (Tool tool : inMemory()) effective(tool, policy).ifPresent(tools::add);
    return tools;
  }

  /**
   * Hands every tool (of one source when {@code source} is given), sorted by id, to {@code sink},
   * streaming stored sources instead of loading them.
   */
  void forEach(String source, boolean schemas, ApprovalPolicy policy, Consumer<Tool> sink) {
    sources.sync();
    List<Tool> inMemory = inMemory();
    inMemory.removeIf(t -> source != null && !source.equals(t.source()));
    Consumer<Tool> shown = t -> effective(t, policy).ifPresent(sink);
    int[] next = {0};
    sources.forEachStoredTool(
        source,
        schemas,
        entry -> {
          Tool tool = entry.tool();
          while (next[0] < inMemory.size()
              && ToolPathOrder.INSTANCE.compare(inMemory.get(next[0]).id(), tool.id()) < 0) {
            shown.accept(inMemory.get(next[0]++));
          }
          shown.accept(tool);
        });
    while (next[0] < inMemory.size()) shown.accept(inMemory.get(next[0]++));
  }

  /**
   * The tools at positions {@code from} to {@code from + count} (exclusive): the built-in and
   * bundled ones sorted by id, then each source's in stored order.
   */
  ToolPage page(int from, int count, ApprovalPolicy policy) {
    sources.sync();
    List<Tool> inMemory = inMemory();
    List<Tool> page = new ArrayList<>();
    int end = from + count;
    for (int i = Math.max(0, from); i < Math.min(end, inMemory.size()); i++) {
      effective(inMemory.get(i), policy).ifPresent(page::add);
    }
    int storedFrom = Math.max(0, from - inMemory.size());
    int stored =
        sources.storedTools(
            storedFrom,
            Math.max(0, end - inMemory.size() - storedFrom),
            entry -> effective(entry.tool(), policy).ifPresent(page::add));
    return new ToolPage(page, end < inMemory.size() + stored ? end : -1);
  }

  /**
   * The search index over every tool (blocked ones included: callers filter), made again when the
   * sources change: each stored source's index is read from the store (or built once and stored
   * there), never its tools.
   */
  SearchCatalog searchCatalog() {
    sources.sync();
    Object generation = sources.generation();
    SearchCatalog cached = searchCatalog;
    if (cached != null && cached.generation == generation) return cached;
    synchronized (searchLock) {
      cached = searchCatalog;
      if (cached != null && cached.generation == generation) return cached;
      SegmentBuilder inMemory = new SegmentBuilder();
      pluginTools
          .get()
          .forEach(
              t -> inMemory.add(SearchDocument.of(t, t.inputSchema(), t.outputSchema(), null)));
      sources.bundledTools().forEach(e -> inMemory.add(SearchSegments.document(e.compiled)));
      List<IndexSegment> segments = new ArrayList<>();
      segments.add(inMemory.build());
      for (SourceSlot slot : sources.slots()) {
        try {
          segments.add(segmentsOf.of(slot));
        } catch (StoreException e) {
          sources.problem(slot, e); // kept out of every answer, as a source that cannot be loaded
        }
      }
      SearchCatalog built = new SearchCatalog(generation, ToolIndex.over(segments));
      searchCatalog = built;
      return built;
    }
  }

  /** The plugin's and the bundled source's tools, sorted by id. */
  private List<Tool> inMemory() {
    List<Tool> tools = new ArrayList<>(pluginTools.get());
    sources.bundledTools().forEach(e -> tools.add(e.tool()));
    tools.sort(Comparator.comparing(Tool::id, ToolPathOrder.INSTANCE));
    return tools;
  }
}
