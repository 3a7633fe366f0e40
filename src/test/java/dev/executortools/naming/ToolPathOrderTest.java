package dev.executortools.naming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ToolPathOrderTest {
  @Test
  void letterCaseOnlyBreaksTiesAndPunctuationSortsFirst() {
    List<String> ids =
        new ArrayList<>(
            List.of("t.getZ", "Ab", "a.b", "aB", "a_b", "ab", "t.geta", "a9", "a10", "X", "x_"));
    ids.sort(ToolPathOrder.INSTANCE);
    assertThat(ids)
        .containsExactly(
            "a_b", "a.b", "a10", "a9", "ab", "aB", "Ab", "t.geta", "t.getZ", "X", "x_");
  }

  /**
   * The fixture holds 2,991 tool ids (every corpus spec compiled, plus edge cases) shuffled, and
   * the same ids sorted by node 20 with {@code a.localeCompare(b)} (ICU, en-US), as executor does.
   */
  @Test
  void sortsExactlyAsJavaScriptsLocaleCompareDoes() {
    JsonNode fixture = Json.parse(Corpus.resource("/naming/locale-compare-order.json"));
    List<String> ids = new ArrayList<>();
    fixture.path("input").forEach(id -> ids.add(id.asString()));
    List<String> expected = new ArrayList<>();
    fixture.path("localeCompareSorted").forEach(id -> expected.add(id.asString()));

    ids.sort(ToolPathOrder.INSTANCE);

    assertThat(ids).hasSize(2991).isEqualTo(expected);
  }
}
