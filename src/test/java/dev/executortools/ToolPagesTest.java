package dev.executortools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.internal.Json;
import dev.executortools.policy.PolicyAction;
import dev.executortools.policy.PolicyRule;
import dev.executortools.policy.PolicyStore;
import dev.executortools.testing.Corpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages of the registry's tools, read from the store, add up to the listing: no tool twice, none
 * left out.
 */
class ToolPagesTest {
  @TempDir Path home;

  @Test
  void pagesAddUpToEveryVisibleToolOnceWithFullSchemas() {
    new PolicyStore(home).add(new PolicyRule("items.items.deleteItem", PolicyAction.BLOCK));
    try (ToolRegistry adding = ToolRegistry.builder().home(home).build()) {
      for (String namespace : List.of("items", "more")) {
        assertThat(
                adding
                    .addSource(
                        Json.object()
                            .put("namespace", namespace)
                            .put("spec", Corpus.resource("/specs/items-v1.yaml")))
                    .ok())
            .isTrue();
      }
    }
    try (ToolRegistry registry =
        ToolRegistry.builder().home(home).build()) { // the sources not loaded
      List<String> listed = new ArrayList<>();
      registry.forEachTool(null, true, tool -> listed.add(tool.id()));

      List<String> paged = new ArrayList<>();
      int pages = 0;
      for (int from = 0; from >= 0; pages++) {
        ToolPage page = registry.tools(from, 2);
        page.tools()
            .forEach(
                tool -> {
                  assertThat(tool.inputSchema())
                      .isEqualTo(registry.tool(tool.id()).orElseThrow().inputSchema());
                  paged.add(tool.id());
                });
        from = page.next();
      }

      assertThat(paged)
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(listed)
          .doesNotContain("items.items.deleteItem")
          .contains("more.items.deleteItem");
      assertThat(pages).isGreaterThan(listed.size() / 2);
      assertThat(registry.tools(listed.size() + 1, 2).tools()).isEmpty();
    }
  }
}
