package dev.executortools.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.executortools.Tool;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import dev.executortools.testing.ArgumentGenerator;
import dev.executortools.testing.RandomCases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Argument binding under arbitrary string values: every httpbin and Telegram tool, given its
 * minimal arguments with one string replaced by anything, answers ok (the request reached the
 * loopback upstream, its path still free of template braces and its headers of line breaks) or a
 * clear {@code invalid_arguments}; never an internal error. Cases are generated from a fixed seed
 * ({@link RandomCases}) and bounded for CI.
 */
class ArgumentBindingPropertiesTest {
  private static final long SEED = 20261208L;
  private static final List<String> HOSTILE =
      List.of("", "../..", "a/b?c#d", "{id}", "%00", "\r\nX-Injected: 1", "😀", "\u202e", " ");
  private static Upstream upstream;
  private static ToolRegistry registry;
  private static List<Tool> tools;

  @BeforeAll
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

  @AfterAll
  static void stop() {
    registry.close();
    upstream.close();
  }

  /** One string argument of one tool (by index into {@link #tools}) set to {@code value}. */
  private record Case(int tool, String value) {
    @Override
    public String toString() {
      return tools.get(tool).id() + " with " + RandomCases.quote(value);
    }
  }

  /** Each hostile string, each with another tool. */
  private static List<Case> edgeCases() {
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < HOSTILE.size(); i++) cases.add(new Case(i % tools.size(), HOSTILE.get(i)));
    return cases;
  }

  /** Any tool; half the time any string of up to 40 chars, else one of the hostile strings. */
  private static Case randomCase(Random random) {
    return new Case(
        random.nextInt(tools.size()),
        random.nextBoolean()
            ? RandomCases.string(random, 40)
            : HOSTILE.get(random.nextInt(HOSTILE.size())));
  }

  @Test
  void anyStringInAnyStringArgumentBindsOrIsRefusedClearly() {
    RandomCases.forAll(
        SEED,
        300,
        edgeCases(),
        ArgumentBindingPropertiesTest::randomCase,
        ArgumentBindingPropertiesTest::bindsOrIsRefusedClearly);
  }

  private static void bindsOrIsRefusedClearly(Case c) {
    String value = c.value();
    Tool tool = tools.get(c.tool());
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

  // Regression examples: inputs that once failed.

  @Test
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

  @Test
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
