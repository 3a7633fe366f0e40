package dev.executortools.registry;

import dev.executortools.policy.ApprovalPolicy;
import dev.executortools.policy.PolicyAction;
import dev.executortools.search.ToolIndex;

/**
 * The search index over one generation of the tools (blocked ones included: callers filter): one
 * segment for the tools held in memory, one per readable stored source ({@link SearchSegments}),
 * each of which knows what deciding a tool's visibility needs (its source and HTTP method), so that
 * neither a search nor a suggestion reads a tool from the store.
 */
final class SearchCatalog {
  final Object generation;
  final ToolIndex index;

  SearchCatalog(Object generation, ToolIndex index) {
    this.generation = generation;
    this.index = index;
  }

  /**
   * The tools a caller sees under {@code policy} (blocked ones left out), of {@code source} only
   * when given.
   */
  static ToolIndex.Filter visibleIn(String source, ApprovalPolicy policy) {
    return new ToolIndex.Filter() {
      @Override
      public boolean shows(String toolSource, String id, String method) {
        return showsSource(toolSource) && policy.decide(id, method) != PolicyAction.BLOCK;
      }

      @Override
      public boolean showsSource(String toolSource) {
        return source == null || source.equals(toolSource);
      }
    };
  }
}
