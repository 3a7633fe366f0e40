package dev.executortools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.ToolRegistry;
import dev.executortools.internal.Json;
import dev.executortools.testing.CliProcess;
import dev.executortools.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listing and calling stored tools loads no YAML or OpenAPI parser, and only the command named
 * (what start-up pays for).
 */
class StartupClassesTest {
  @TempDir Path dir;

  @Test
  @Timeout(240)
  void listingAndCallingStoredToolsLoadNoYamlOrOpenApiParser() throws Exception {
    Path home = dir.resolve("home");
    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      assertThat(
              registry
                  .addSource(
                      Json.object()
                          .put("spec", Corpus.resource("/specs/items-v1.yaml"))
                          .put("namespace", "items")
                          .put("baseUrl", "http://127.0.0.1:9"))
                  .ok())
          .isTrue();
    }
    String list = classesLoaded(home, "tools", "list");
    String call = classesLoaded(home, "call", "items.items.listItems", "{}");
    for (String loaded : List.of(list, call)) {
      assertThat(loaded)
          .contains("dev.executortools.cli.Main")
          .doesNotContain("org.snakeyaml")
          .doesNotContain("org.yaml")
          .doesNotContain("io.swagger")
          .as("nor JSONPath or result shaping (MCP's read_result)")
          .doesNotContain("com.jayway.jsonpath")
          .doesNotContain("net.minidev")
          .doesNotContain("dev.executortools.result.ResultShaper ");
    }
    assertThat(list)
        .as("no HTTP client built to list tools")
        .doesNotContain("okhttp3.ConnectionPool ");
    for (String other :
        List.of(
            "SsoCommand$Login",
            "PoliciesCommand$Add",
            "SourcesCommand$Refresh",
            "SecretsCommand$Set",
            "CatalogCommand$Extract")) {
      assertThat(list)
          .as("only the command named is built")
          .doesNotContain("dev.executortools.cli." + other + " ");
    }
    assertThat(list).contains("dev.executortools.cli.ToolsCommand$ListTools ");
    assertThat(call).contains("okhttp3.ConnectionPool ");
    assertThat(call)
        .as("a stored tool's call reads no bundled tool")
        .doesNotContain("dev.executortools.store.ToolListFile ")
        .as("nor a built-in tool's schema")
        .doesNotContain("dev.executortools.tools.ToolSchemas ");
  }

  private String classesLoaded(Path home, String... command) throws Exception {
    Path log = Files.createTempFile(dir, "classes", ".txt");
    List<String> args = new ArrayList<>(List.of("--home", home.toString()));
    args.addAll(List.of(command));
    CliProcess.run(
        dir, List.of("-Xmx256m", "-Xlog:class+load:file=" + log), args.toArray(String[]::new));
    return Files.readString(log);
  }
}
