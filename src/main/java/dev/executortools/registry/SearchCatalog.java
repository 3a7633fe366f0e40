package dev.executortools.registry;

import dev.executortools.Tool;
import dev.executortools.policy.ApprovalPolicy;
import dev.executortools.policy.PolicyAction;
import dev.executortools.search.SearchDocument;
import dev.executortools.search.ToolIndex;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.node.ObjectNode;

/**
 * The search index over one generation of the tools (blocked ones included: callers filter), with
 * what deciding a tool's visibility needs of each (its source and HTTP method), so that neither a
 * search nor a suggestion reads a tool from the store. Built from a stream of tools: stored sources
 * are read one tool at a time and no tool is kept.
 */
final class SearchCatalog {
  /** What visibility needs of a tool; the strings are shared between tools. */
  private record Listing(String source, String method) {}

  final Object generation;
  final ToolIndex index;
  private final Map<String, Listing> listings;

  private SearchCatalog(Object generation, ToolIndex index, Map<String, Listing> listings) {
    this.generation = generation;
    this.index = index;
    this.listings = listings;
  }

  /** Collects tools one at a time; keeps their terms, not the tools. */
  static final class Builder {
    private final ToolIndex.Builder index = ToolIndex.builder();
    private final Map<String, Listing> listings = new HashMap<>();
    private final Map<Listing, Listing> shared = new HashMap<>();

    /**
     * Adds {@code tool}, read from {@code inputSchema} (its own, uncopied); {@code summary} is its
     * operation's summary (null for plugin tools).
     */
    void add(Tool tool, ObjectNode inputSchema, String summary) {
      index.add(SearchDocument.of(tool, inputSchema, summary));
      Listing listing = new Listing(tool.source(), tool.annotations().method());
      listings.put(tool.id(), shared.computeIfAbsent(listing, l -> l));
    }

    /**
     * The catalog; the tools of {@code unreadable} sources (which may have failed part-way through
     * the stream) are kept out of every answer, as a source that cannot be loaded is.
     */
    SearchCatalog build(Object generation, Set<String> unreadable) {
      listings.values().removeIf(listing -> unreadable.contains(listing.source()));
      return new SearchCatalog(generation, index.build(), Map.copyOf(listings));
    }
  }

  /**
   * Ids of tools a caller sees under {@code policy} (blocked ones left out), of {@code source} only
   * when given.
   */
  Predicate<String> visibleIn(String source, ApprovalPolicy policy) {
    return id -> {
      Listing listing = listings.get(id);
      return listing != null
          && (source == null || source.equals(listing.source()))
          && policy.decide(id, listing.method()) != PolicyAction.BLOCK;
    };
  }
}
