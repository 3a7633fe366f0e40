package dev.executortools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.internal.Json;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToolSuggestionsTest {
  private static final List<Tool> TOOLS = List.of(
      tool("github.repos.get"), tool("github.repos.delete"), tool("github.issues.get"),
      tool("stripe.charges.create"), tool("token.createToken"), tool("openapi.addSource"));

  private static Tool tool(String id) {
    return new Tool(id, id, "s", "", Json.object(), null, ToolAnnotations.forHttp("get", "/x"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "github.repos.gett, github.repos.get",
    "github.repo.delete, github.repos.delete",
    "GitHub.Issues.Get, github.issues.get",
    "token.createtoken, token.createToken",
    "openapi.addsource, openapi.addSource",
    "stripe.charge.create, stripe.charges.create",
  })
  void theClosestIdComesFirst(String typo, String expected) {
    assertThat(ToolSuggestions.closest(typo, TOOLS, ToolSuggestions.LIMIT)).first().isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"'', 0", "abc, 3", "kitten, 3"})
  void distanceIsLevenshtein(String a, int toSitting) {
    assertThat(ToolSuggestions.distance(a, a.equals("kitten") ? "sitting" : "")).isEqualTo(toSitting);
  }
}
