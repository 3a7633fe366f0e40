package dev.executortools;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.executortools.internal.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Documents that parse but break the OpenAPI shape in every place a reader looks, each with the
 * outcome it must have: refused with a given error code, or compiled into exactly the given tools
 * (what can be used, is), each of which, called with no arguments, either sends the given request
 * to a loopback server or is refused with the given code before anything is sent. Never an internal
 * error; every tool's input schema is an object; previewSpec reads every compiled one.
 */
@Timeout(60)
class MalformedSpecTest {
  @RegisterExtension
  static final WireMockExtension upstream =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private static final String HEAD = "openapi: 3.0.0\ninfo: {title: Odd, version: '1'}\n";
  private static final String SWAGGER_HEAD = "swagger: '2.0'\ninfo: {title: Old, version: '1'}\n";

  /**
   * What a document must give: an error code, or tool ids each with "METHOD /path" or an error
   * code.
   */
  record Expected(ErrorCode refused, Map<String, String> tools) {
    static Expected refusedWith(ErrorCode code) {
      return new Expected(code, null);
    }

    /** Pairs of tool id and the outcome of calling it with {}: "GET /a" (sent) or an error code. */
    static Expected compiledTo(String... idsAndOutcomes) {
      Map<String, String> tools = new LinkedHashMap<>();
      for (int i = 0; i < idsAndOutcomes.length; i += 2)
        tools.put(idsAndOutcomes[i], idsAndOutcomes[i + 1]);
      return new Expected(null, tools);
    }

    @Override
    public String toString() {
      return refused != null ? "refused " + refused.wireName() : "tools " + tools;
    }
  }

  private static Arguments doc(String name, String document, Expected expected) {
    return Arguments.of(Named.of(name, document), expected);
  }

  static Stream<Arguments> documents() {
    return Stream.of(
        doc("path item is a list", HEAD + "paths: {/a: [1, 2]}\n", Expected.compiledTo()),
        doc(
            "operation is a string",
            HEAD + "paths: {/a: {get: 'not an operation'}}\n",
            Expected.compiledTo()),
        doc(
            "parameters is a map",
            HEAD + "paths: {/a: {get: {parameters: {name: x}}}}\n",
            Expected.compiledTo("odd.a.getA", "GET /a")),
        doc(
            "parameters without name or location",
            HEAD
                + "paths: {/a: {get: {parameters: [null, 3, {in: query}, {name: q}, {name: q, in: body}]}}}\n",
            Expected.compiledTo("odd.a.getA", "GET /a")),
        doc(
            "schema is a string",
            HEAD + "paths: {/a: {get: {parameters: [{name: q, in: query, schema: 'string'}]}}}\n",
            Expected.compiledTo("odd.a.getA", "GET /a")),
        doc(
            "schema keywords of the wrong type",
            HEAD
                + "paths: {/a: {get: {parameters: [{name: q, in: query, schema: {type: [string, 7], enum: 3, required: true, minLength: -1, pattern: '(['}}]}}}\n",
            Expected.compiledTo("odd.a.getA", "GET /a")),
        doc(
            "content is a list",
            HEAD + "paths: {/a: {post: {requestBody: {content: [application/json]}}}}\n",
            Expected.compiledTo("odd.a.postA", "POST /a")),
        doc(
            "schema ref to nowhere",
            HEAD
                + "paths: {/a: {post: {requestBody: {content: {application/json: {schema: {$ref: '#/nowhere'}}}}}}}\n",
            Expected.compiledTo("odd.a.postA", "POST /a")),
        doc(
            "request body ref to nowhere",
            HEAD
                + "paths: {/a: {post: {requestBody: {$ref: '#/components/requestBodies/Missing'}}}}\n",
            Expected.compiledTo("odd.a.postA", "POST /a")),
        doc(
            "schemas referring to each other",
            HEAD
                + "paths: {/a: {get: {responses: {'200': {content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}}}}}}\n"
                + "components: {schemas: {A: {$ref: '#/components/schemas/B'}, B: {$ref: '#/components/schemas/A'}}}\n",
            Expected.compiledTo("odd.a.getA", "GET /a")),
        doc(
            "numeric operationId, odd tags, repeated path parameter",
            HEAD
                + "paths: {'/a/{id}/{id}': {get: {operationId: 7, tags: [1, null, ''], parameters: [{name: id, in: path}]}}}\n",
            Expected.compiledTo("odd.a.7", "invalid_arguments")),
        doc(
            "servers of every wrong shape",
            HEAD
                + "servers: [{url: 7}, 'x', {url: 'https://{a}.x/{b}', variables: {a: 3, b: {default: [1]}}}]\n"
                + "paths: {/a: {get: {servers: {url: y}}}}\n",
            Expected.compiledTo("odd.a.getA", "GET /a")),
        doc(
            "path item referring to itself",
            HEAD + "paths: {/a: {$ref: '#/paths/~1a'}}\n",
            Expected.compiledTo()),
        doc(
            "parameter referring to itself",
            HEAD + "paths: {/a: {get: {parameters: [{$ref: '#/paths/~1a/get/parameters/0'}]}}}\n",
            Expected.compiledTo("odd.a.getA", "GET /a")),
        doc(
            "texts of the wrong type",
            HEAD + "paths: {/a: {get: {description: 5, summary: [x], deprecated: yes}}}\n",
            Expected.compiledTo("odd.a.getA", "GET /a")),
        doc(
            "broken path templates",
            HEAD
                + "paths: {'/a/{}/{b': {get: {parameters: [{name: '', in: path}, {name: b, in: path}]}}, '/{x}}': {put: {}}}\n",
            Expected.compiledTo(
                "odd.a.getAB", "invalid_arguments", "odd.root.putX", "invalid_arguments")),
        doc(
            "parameter content of the wrong shape",
            HEAD
                + "paths: {/a: {get: {parameters: [{name: f, in: query, content: [1]}, {name: g, in: header, content: {}}]}}}\n",
            Expected.compiledTo("odd.a.getA", "GET /a")),
        doc(
            "unknown style, explode and allowReserved",
            HEAD
                + "paths: {/a: {get: {parameters: [{name: s, in: query, style: nonsense, explode: 'maybe', allowReserved: 3}]}}}\n",
            Expected.compiledTo("odd.a.getA", "GET /a")),
        doc(
            "multipart encoding is a list, blank and wildcard media types",
            HEAD
                + "paths: {/a: {post: {requestBody: {content: {multipart/form-data: {schema: {type: object}, encoding: [1]}, 'text/*': {}, '': {}}}}}}\n",
            Expected.compiledTo("odd.a.postA", "POST /a")),
        doc(
            "150 nested allOfs",
            HEAD
                + "paths: {/a: {get: {responses: {'200': {content: {application/json: {schema: "
                + "{allOf: [".repeat(150)
                + "{}"
                + "]}".repeat(150)
                + "}}}}}}}\n",
            Expected.compiledTo("odd.a.getA", "GET /a")),
        doc(
            "a chain of 40 parameter refs",
            HEAD
                + "paths: {/a: {get: {parameters: [{$ref: '#/components/parameters/P0'}]}}}\ncomponents: {parameters: {"
                + IntStream.range(0, 40)
                    .mapToObj(i -> "P" + i + ": {$ref: '#/components/parameters/P" + (i + 1) + "'}")
                    .collect(Collectors.joining(", "))
                + ", P40: {name: deep, in: query}}}\n",
            Expected.compiledTo("odd.a.getA", "GET /a")),
        doc(
            "Swagger 2.0 body without schema beside a file",
            SWAGGER_HEAD
                + "paths: {/a: {post: {parameters: [{name: b, in: body}, {name: f, in: formData, type: file}]}}}\n",
            Expected.compiledTo("odd.a.postA", "POST /a")),
        doc(
            "Swagger 2.0 response ref to nowhere",
            SWAGGER_HEAD
                + "paths: {/a: {get: {responses: {'200': {schema: {$ref: '#/definitions/Nope'}}}}}}\n",
            Expected.compiledTo("odd.a.getA", "GET /a")),
        doc(
            "invalid YAML",
            HEAD + "paths: {/a: {get: {}}\n",
            Expected.refusedWith(ErrorCode.OPENAPI_PARSE_FAILED)),
        doc("not a mapping", "[1, 2]\n", Expected.refusedWith(ErrorCode.OPENAPI_PARSE_FAILED)),
        doc(
            "a ref to another file",
            HEAD + "paths: {/a: {get: {parameters: [{$ref: 'other.yaml#/P'}]}}}\n",
            Expected.refusedWith(ErrorCode.UNSAFE_REFERENCE)),
        doc(
            "a ref to a URL",
            HEAD
                + "paths: {/a: {post: {requestBody: {content: {application/json: {schema: {$ref: 'http://127.0.0.1:9/s.json'}}}}}}}\n",
            Expected.refusedWith(ErrorCode.UNSAFE_REFERENCE)));
  }

  @BeforeEach
  void answerEverything() {
    upstream.stubFor(
        any(anyUrl())
            .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{}")));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("documents")
  void aMalformedDocumentHasItsExpectedOutcome(String document, Expected expected) {
    try (ToolRegistry registry =
        ToolRegistry.builder().approvals(ApprovalHandler.APPROVE_ALL).build()) {
      ToolResult added =
          registry.addSource(
              Json.object()
                  .put("spec", document)
                  .put("namespace", "odd")
                  .put("baseUrl", "http://127.0.0.1:" + upstream.getPort()));
      if (expected.refused() != null) {
        assertThat(added.ok()).as("%s", added).isFalse();
        assertThat(added.error().code()).as("%s", added).isEqualTo(expected.refused());
        assertThat(added.error().message()).isNotBlank();
        assertThat(registry.tools()).noneMatch(t -> t.id().startsWith("odd."));
        ToolResult preview =
            registry.call("openapi.previewSpec", Json.object().put("spec", document));
        assertThat(preview.ok()).as("%s", preview).isFalse();
        assertThat(preview.error().code()).as("preview: %s", preview).isEqualTo(expected.refused());
        return;
      }
      assertThat(added.ok()).as("%s", added).isTrue();
      List<String> ids = new ArrayList<>();
      added.data().path("tools").forEach(id -> ids.add(id.asString()));
      assertThat(ids).containsExactlyElementsOf(expected.tools().keySet());

      for (Map.Entry<String, String> entry : expected.tools().entrySet()) {
        Tool tool = registry.tool(entry.getKey()).orElseThrow();
        assertThat(tool.inputSchema().path("type").asString()).isEqualTo("object");
        upstream.resetRequests();
        ToolResult called = registry.call(tool.id(), Json.object());
        List<String> sent =
            upstream.getAllServeEvents().stream().map(MalformedSpecTest::requestLine).toList();
        if (!entry.getValue().contains(" ")) {
          assertThat(called.ok()).as("%s", called).isFalse();
          assertThat(called.error().code().wireName()).as("%s", called).isEqualTo(entry.getValue());
          assertThat(sent).as("refused calls send nothing").isEmpty();
        } else {
          assertThat(called.ok()).as("%s", called).isTrue();
          assertThat(sent).containsExactly(entry.getValue());
        }
      }
      ToolResult preview =
          registry.call("openapi.previewSpec", Json.object().put("spec", document));
      assertThat(preview.ok()).as("%s", preview).isTrue();
      List<String> previewed = new ArrayList<>();
      for (JsonNode op : preview.data().path("operations"))
        previewed.add("odd." + op.path("toolPath").asString());
      assertThat(previewed)
          .as("preview %s", preview.data())
          .containsExactlyInAnyOrderElementsOf(ids);
    }
  }

  private static String requestLine(ServeEvent event) {
    return event.getRequest().getMethod().value() + " " + event.getRequest().getUrl();
  }
}
