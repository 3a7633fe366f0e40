package dev.executortools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.internal.Json;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;

/**
 * Documents that parse but break the OpenAPI shape in every place a reader looks: each is either
 * compiled (what can be used, is) or refused with a readable error; never an internal error, and
 * every tool that comes out has a schema that validates arguments and binds a request.
 */
class MalformedSpecTest {
  private static final String HEAD = "openapi: 3.0.0\ninfo: {title: Odd, version: '1'}\n";

  static final List<String> DOCUMENTS = List.of(
      HEAD + "paths: {/a: [1, 2]}\n",
      HEAD + "paths: {/a: {get: 'not an operation'}}\n",
      HEAD + "paths: {/a: {get: {parameters: {name: x}}}}\n",
      HEAD + "paths: {/a: {get: {parameters: [null, 3, {in: query}, {name: q}, {name: q, in: body}]}}}\n",
      HEAD + "paths: {/a: {get: {parameters: [{name: q, in: query, schema: 'string'}]}}}\n",
      HEAD + "paths: {/a: {get: {parameters: [{name: q, in: query, schema: {type: [string, 7], enum: 3, required: true, minLength: -1, pattern: '(['}}]}}}\n",
      HEAD + "paths: {/a: {post: {requestBody: {content: [application/json]}}}}\n",
      HEAD + "paths: {/a: {post: {requestBody: {content: {application/json: {schema: {$ref: '#/nowhere'}}}}}}}\n",
      HEAD + "paths: {/a: {post: {requestBody: {$ref: '#/components/requestBodies/Missing'}}}}\n",
      HEAD + "paths: {/a: {get: {responses: {'200': {content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}}}}}}\n"
          + "components: {schemas: {A: {$ref: '#/components/schemas/B'}, B: {$ref: '#/components/schemas/A'}}}\n",
      HEAD + "paths: {'/a/{id}/{id}': {get: {operationId: 7, tags: [1, null, ''], parameters: [{name: id, in: path}]}}}\n",
      HEAD + "servers: [{url: 7}, 'x', {url: 'https://{a}.x/{b}', variables: {a: 3, b: {default: [1]}}}]\n"
          + "paths: {/a: {get: {servers: {url: y}}}}\n",
      HEAD + "paths: {/a: {$ref: '#/paths/~1a'}}\n",
      HEAD + "paths: {/a: {get: {parameters: [{$ref: '#/paths/~1a/get/parameters/0'}]}}}\n",
      HEAD + "paths: {/a: {get: {description: 5, summary: [x], deprecated: yes}}}\n",
      HEAD + "paths: {'/a/{}/{b': {get: {parameters: [{name: '', in: path}, {name: b, in: path}]}}, '/{x}}': {put: {}}}\n",
      HEAD + "paths: {/a: {get: {parameters: [{name: f, in: query, content: [1]}, {name: g, in: header, content: {}}]}}}\n",
      HEAD + "paths: {/a: {get: {parameters: [{name: s, in: query, style: nonsense, explode: 'maybe', allowReserved: 3}]}}}\n",
      HEAD + "paths: {/a: {post: {requestBody: {content: {multipart/form-data: {schema: {type: object}, encoding: [1]}, 'text/*': {}, '': {}}}}}}}\n",
      HEAD + "paths: {/a: {get: {responses: {'200': {content: {application/json: {schema: " + "{allOf: [".repeat(150) + "{}" + "]}".repeat(150) + "}}}}}}}\n",
      HEAD + "paths: {/a: {get: {parameters: [{$ref: '#/components/parameters/P0'}]}}}\ncomponents: {parameters: {"
          + java.util.stream.IntStream.range(0, 40).mapToObj(i -> "P" + i + ": {$ref: '#/components/parameters/P" + (i + 1) + "'}").collect(java.util.stream.Collectors.joining(", "))
          + ", P40: {name: deep, in: query}}}\n",
      "swagger: '2.0'\ninfo: {title: Old, version: '1'}\npaths: {/a: {post: {parameters: [{name: b, in: body}, {name: f, in: formData, type: file}]}}}\n",
      "swagger: '2.0'\ninfo: {title: Old, version: '1'}\npaths: {/a: {get: {responses: {'200': {schema: {$ref: '#/definitions/Nope'}}}}}}\n");

  @ParameterizedTest
  @FieldSource("DOCUMENTS")
  void aMalformedDocumentIsCompiledOrRefusedCleanly(String document) {
    try (ToolRegistry registry = ToolRegistry.builder().approvals(ApprovalHandler.APPROVE_ALL).build()) {
      ToolResult added = registry.addSource(Json.object().put("spec", document).put("namespace", "odd")
          .put("baseUrl", "http://127.0.0.1:9"));
      if (!added.ok()) {
        assertThat(added.error().code()).isIn(ErrorCode.OPENAPI_PARSE_FAILED, ErrorCode.UNSAFE_REFERENCE);
        assertThat(added.error().message()).isNotBlank();
        return;
      }
      for (JsonNode id : added.data().path("tools")) {
        Tool tool = registry.tool(id.asString()).orElseThrow();
        assertThat(tool.inputSchema().path("type").asString()).isEqualTo("object");
        ToolResult called = registry.call(tool.id(), Json.object());
        assertThat(called.ok()).isFalse();
        assertThat(called.error().code()).as("%s", called)
            .isIn(ErrorCode.INVALID_ARGUMENTS, ErrorCode.NETWORK_ERROR);
      }
      ToolResult preview = registry.call("openapi.previewSpec", Json.object().put("spec", document));
      assertThat(preview.ok()).as("%s", preview).isTrue();
    }
  }
}
