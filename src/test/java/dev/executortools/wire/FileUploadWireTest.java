package dev.executortools.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Request.Part;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.executortools.ErrorCode;
import dev.executortools.Tool;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A {@code format: binary} field of a multipart body ({@code wire/upload.yaml}): its schema tells a
 * model to send base64 (a string, or an object with a filename), and both forms arrive as a file
 * part with the exact bytes.
 */
class FileUploadWireTest {
  private static Upstream upstream;
  private static ToolRegistry registry;

  @BeforeAll
  static void start() {
    upstream = Upstream.start();
    registry =
        Registries.withSource(
            Corpus.resource("/wire/upload.yaml"),
            Json.object().put("namespace", "up").put("baseUrl", upstream.baseUrl()));
  }

  @BeforeEach
  void reset() {
    upstream.reset();
  }

  @AfterAll
  static void stop() {
    registry.close();
    upstream.close();
  }

  @Test
  void theSchemaAsksForBase64AsAStringOrWithAFilename() {
    Tool tool = registry.tool("up.upload.postUpload").orElseThrow();
    String file = tool.inputSchema().at("/properties/body/properties/file").toString();
    assertThat(file).contains("base64", "filename", "contentEncoding");
  }

  @Test
  void aFileObjectArrivesAsAFilePartWithItsNameAndBytes() throws Exception {
    ToolResult result =
        registry.call(
            "up.upload.postUpload",
            Registries.json(
                "{\"body\": {\"file\": {\"base64\": \"aGVsbG8=\", \"filename\": \"hello.txt\", \"contentType\": \"text/plain\"},"
                    + " \"note\": \"hi\"}}"));
    assertThat(result.ok()).as("%s", result).isTrue();
    LoggedRequest request = upstream.onlyRequest();
    Part file = request.getPart("file");
    assertThat(file.getHeader("Content-Disposition").firstValue())
        .contains("filename=\"hello.txt\"");
    assertThat(file.getHeader("Content-Type").firstValue()).isEqualTo("text/plain");
    assertThat(file.getBody().asBytes()).isEqualTo("hello".getBytes());
  }

  @Test
  void aBase64StringArrivesAsAFilePartToo() {
    ToolResult result =
        registry.call("up.upload.postUpload", Registries.json("{\"body\": {\"file\": \"AAEC\"}}"));
    assertThat(result.ok()).as("%s", result).isTrue();
    assertThat(upstream.onlyRequest().getPart("file").getBody().asBytes()).containsExactly(0, 1, 2);
  }

  @Test
  void somethingElseIsRefusedBeforeAnythingIsSent() {
    ToolResult result =
        registry.call(
            "up.upload.postUpload",
            Registries.json("{\"body\": {\"file\": {\"path\": \"/etc/passwd\"}}}"));
    assertThat(result.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENTS);
    assertThat(upstream.requests()).isEmpty();
  }
}
