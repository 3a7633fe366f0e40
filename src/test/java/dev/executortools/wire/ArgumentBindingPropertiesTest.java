package dev.executortools.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.executortools.Tool;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import dev.executortools.testing.ArgumentGenerator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Argument binding under arbitrary string values: every httpbin and Telegram tool, given its
 * minimal arguments with one string replaced by anything, answers ok (the request reached the
 * loopback upstream, its path still free of template braces and its headers of line breaks) or a
 * clear {@code invalid_arguments}; never an internal error. Tries are bounded for CI.
 */
class ArgumentBindingPropertiesTest {
  private static Upstream upstream;
  private static ToolRegistry registry;
  private static List<Tool> tools;

  @BeforeContainer
  static void start() {
    upstream = Upstream.start();
    registry = Registries.registry(Map.of());
    for (String file :
        List.of("httpbin.org__0.9.2.openapi.yaml", "telegram.org__5.0.0.openapi.yaml")) {
      Registries.add(
          registry,
          dev.executortools.testing.Corpus.read(file),
          Json.object().put("namespace", file.substring(0, 4)).put("baseUrl", upstream.baseUrl()));
    }
    tools =
        registry.tools().stream()
            .filter(t -> t.annotations().method() != null && !t.source().equals("aws_sso_oidc"))
            .toList();
  }

  @AfterContainer
  static void stop() {
    registry.close();
    upstream.close();
  }

  @Provide
  Arbitrary<String> hostileStrings() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40),
        Arbitraries.of(
            "", "../..", "a/b?c#d", "{id}", "%00", "\r\nX-Injected: 1", "😀", "\u202e", " "));
  }

  @Property(tries = 300)
  void anyStringInAnyStringArgumentBindsOrIsRefusedClearly(
      @ForAll("hostileStrings") String value, @ForAll("toolIndexes") int index) {
    Tool tool = tools.get(index % tools.size());
    JsonNode minimal = ArgumentGenerator.arguments(tool.inputSchema(), 0);
    ObjectNode args = minimal.isObject() ? (ObjectNode) minimal : Json.object();
    tool.inputSchema().path("properties").propertyNames().stream()
        .filter(
            name ->
                tool.inputSchema()
                    .path("properties")
                    .path(name)
                    .path("type")
                    .stringValue("")
                    .equals("string"))
        .findFirst()
        .ifPresent(name -> args.put(name, value));
    upstream.reset();

    ToolResult result = registry.call(tool.id(), args);

    // The upstream may refuse what it receives (Jetty answers 400 to a path holding %00): still an
    // answer to a well-formed request, which is what binding owes.
    assertThat(result.ok() ? "ok" : result.error().code().wireName())
        .as("%s %s", tool.id(), result)
        .isIn("ok", "invalid_arguments", "upstream_http_error");
    if (result.ok()) {
      LoggedRequest request = upstream.onlyRequest();
      assertThat(request.getUrl()).doesNotContain("{", "}", "\r", "\n");
      request
          .getHeaders()
          .all()
          .forEach(h -> assertThat(h.firstValue()).doesNotContain("\r", "\n"));
    }
  }

  @Provide
  Arbitrary<Integer> toolIndexes() {
    return Arbitraries.integers().between(0, 10_000);
  }

  // Regression examples: inputs that once failed.

  @Example
  void aNulInAPathValueIsSentPercentEncoded() {
    Tool tool =
        tools.stream()
            .filter(t -> t.id().equals("http.anything.deleteAnythingAnything"))
            .findFirst()
            .orElseThrow();
    ObjectNode args = (ObjectNode) ArgumentGenerator.arguments(tool.inputSchema(), 0);
    tool.inputSchema().path("required").forEach(name -> args.put(name.stringValue(), "\u0000"));

    ToolResult result = registry.call(tool.id(), args);

    assertThat(Json.write(result.toJson()))
        .contains("/anything/%00")
        .doesNotContain("internal_error");
  }

  @Example
  void aHeaderValueWithALineBreakIsRefused() {
    Tool tool =
        tools.stream()
            .filter(t -> t.inputSchema().path("properties").has("User-Agent"))
            .findFirst()
            .orElse(null);
    if (tool == null) return;
    ToolResult result =
        registry.call(tool.id(), Json.object().put("User-Agent", "a\r\nX-Injected: 1"));
    assertThat(result.ok()).isFalse();
  }
}
