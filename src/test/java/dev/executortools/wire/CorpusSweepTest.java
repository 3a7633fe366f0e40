package dev.executortools.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.executortools.ErrorCode;
import dev.executortools.Tool;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import dev.executortools.testing.ArgumentGenerator;
import dev.executortools.testing.Corpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of every corpus spec gets a tool, and minimal arguments generated from its input
 * schema pass validation and bind to a request the loopback upstream receives: method, a path with
 * no template left in it. Tools whose arguments the generator cannot satisfy (a {@code pattern} it
 * does not invert) are listed with the reason, never skipped silently, and stay a small minority.
 */
@Timeout(300)
class CorpusSweepTest {
  private static Upstream upstream;

  @BeforeAll
  static void start() {
    upstream = Upstream.start();
  }

  @AfterAll
  static void stop() {
    upstream.close();
  }

  private record Unsatisfied(String tool, String reason) {}

  @Test
  void everyOperationOfTheCorpusBindsToARequestTheUpstreamReceives() {
    int total = 0;
    List<Unsatisfied> unsatisfied = new ArrayList<>();
    for (String file : Corpus.FILES) {
      upstream.reset();
      String namespace = "sweep";
      try (ToolRegistry registry = Registries.corpus(file, namespace, upstream.baseUrl())) {
        List<Tool> tools =
            registry.tools().stream().filter(t -> t.source().equals(namespace)).toList();
        assertThat(tools).as(file).isNotEmpty();
        List<String> methods = new ArrayList<>();
        for (Tool tool : tools) {
          ToolResult result = callWithGeneratedArguments(registry, tool);
          if (!result.ok() && result.error().code() == ErrorCode.INVALID_ARGUMENTS) {
            unsatisfied.add(new Unsatisfied(tool.id(), result.error().message()));
            continue;
          }
          assertThat(result.ok()).as("%s %s", tool.id(), result).isTrue();
          assertThat(result.http().status()).isEqualTo(200);
          methods.add(tool.annotations().method().toUpperCase(Locale.ROOT));
        }
        List<LoggedRequest> received = upstream.requests();
        assertThat(received).as(file).hasSize(methods.size());
        for (int i = 0; i < received.size(); i++) {
          assertThat(received.get(i).getMethod().getName()).isEqualTo(methods.get(i));
          assertThat(received.get(i).getUrl()).doesNotContain("{", "}");
        }
        total += tools.size();
      }
    }
    System.out.printf(
        "swept %d operations; %d with arguments the generator could not satisfy: %s%n",
        total, unsatisfied.size(), unsatisfied);
    assertThat(total).as("operations in the corpus").isGreaterThan(2_000);
    assertThat(unsatisfied)
        .as("tools whose generated arguments were refused: %s", unsatisfied)
        .hasSizeLessThan(total / 20);
  }

  /**
   * The generated arguments, with the next oneOf/anyOf branch each time validation refuses them.
   */
  private static ToolResult callWithGeneratedArguments(ToolRegistry registry, Tool tool) {
    ToolResult result = null;
    for (int choice = 0; choice < 4; choice++) {
      JsonNode args = ArgumentGenerator.arguments(tool.inputSchema(), choice);
      result = registry.call(tool.id(), args.isObject() ? args : Json.object());
      if (result.ok() || result.error().code() != ErrorCode.INVALID_ARGUMENTS) return result;
    }
    return result;
  }
}
