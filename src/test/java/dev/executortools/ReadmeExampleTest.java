package dev.executortools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.testing.Corpus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The README's Java example, kept compiling and true. */
class ReadmeExampleTest {
  @TempDir Path dir;

  @Test
  void theReadmeExampleRunsAsWritten() {
    String specText = Corpus.read("httpbin.org__0.9.2.openapi.yaml");
    ToolResult result;
    // --- as in the README, with the home in a temporary directory ---
    try (ToolRegistry registry = ToolRegistry.builder()
            .home(dir.resolve(".executor-tools"))        // omit for in-memory
            .approvals((tool, args) -> true)             // asked before tools that require approval
            .build()) {
      for (Tool tool : registry.tools()) System.out.println(tool.id());
      ObjectNode args = JsonMapper.shared().createObjectNode().put("spec", specText);
      result = registry.call("openapi.addSource", args);  // never throws for a tool failure
      System.out.println(result.toJson());
    }
    // ---
    assertThat(result.ok()).isTrue();
    assertThat(result.data().path("toolCount").asInt()).isEqualTo(78);
  }
}
