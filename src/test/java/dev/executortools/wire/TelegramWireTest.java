package dev.executortools.wire;

import static dev.executortools.wire.Registries.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Request.Part;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Telegram's real {@code sendDocument} (corpus spec 5.0.0): a multipart/form-data body with a file
 * part given as base64, sent to the server {@code https://api.telegram.org/bot{token}} whose {@code
 * {token}} the call fills.
 */
class TelegramWireTest {
  private static final String TOOL = "telegram.sendDocument.postSendDocument";
  private static final String TOKEN = "123456:ABC-DEF1234ghIkl";

  /** Bytes of a tiny PDF header plus every byte value, so no text decoding can pass unnoticed. */
  private static final byte[] DOCUMENT = document();

  private static Upstream upstream;
  private static ToolRegistry registry;

  @BeforeAll
  static void start() {
    upstream = Upstream.start();
    registry =
        Registries.withSource(
            Corpus.read("telegram.org__5.0.0.openapi.yaml"),
            Json.object().put("namespace", "telegram"));
  }

  @AfterAll
  static void stop() {
    registry.close();
    upstream.close();
  }

  @BeforeEach
  void reset() {
    upstream.reset();
  }

  private static byte[] document() {
    byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[header.length + 256];
    System.arraycopy(header, 0, bytes, 0, header.length);
    for (int i = 0; i < 256; i++) bytes[header.length + i] = (byte) i;
    return bytes;
  }

  private static ObjectNode sendDocumentArgs(ObjectNode server) {
    ObjectNode args =
        (ObjectNode)
            json(
                """
                {"body": {
                  "chat_id": 4242,
                  "caption": "Quarterly report – Q3",
                  "document": {"base64": "%s", "filename": "report.pdf",
                               "contentType": "application/pdf"},
                  "reply_markup": {"inline_keyboard": [[{"text": "Open", "url": "https://t.me/x"}]]},
                  "disable_notification": true
                }}
                """
                    .formatted(Base64.getEncoder().encodeToString(DOCUMENT)));
    if (server != null) args.set("server", server);
    return args;
  }

  @Test
  void documentGoesAsAFilePartWithItsNameTypeAndExactBytes() {
    ObjectNode server = Json.object().put("url", upstream.baseUrl() + "/bot{token}");
    server.putObject("variables").put("token", TOKEN);

    ToolResult result = registry.call(TOOL, sendDocumentArgs(server));

    assertThat(result.ok()).as("%s", result).isTrue();
    LoggedRequest request = upstream.onlyRequest();
    assertThat(request.getMethod().value()).isEqualTo("POST");
    assertThat(request.getUrl()).isEqualTo("/bot" + TOKEN + "/sendDocument");
    assertThat(request.getHeader("Content-Type")).matches("multipart/form-data; boundary=[-\\w.]+");
    assertThat(request.isMultipart()).isTrue();
    List<Part> parts = List.copyOf(request.getParts());
    assertThat(parts)
        .extracting(Part::getName)
        .containsExactly("chat_id", "caption", "document", "reply_markup", "disable_notification");

    Part document = request.getPart("document");
    assertThat(document.getFileName()).isEqualTo("report.pdf");
    assertThat(document.getHeader("Content-Disposition").firstValue())
        .isEqualTo("form-data; name=\"document\"; filename=\"report.pdf\"");
    assertThat(document.getHeader("Content-Type").firstValue()).isEqualTo("application/pdf");
    assertThat(document.getBody().asBytes()).isEqualTo(DOCUMENT);

    assertThat(text(request.getPart("chat_id"))).isEqualTo("4242");
    assertThat(request.getPart("chat_id").getFileName()).isNull();
    assertThat(text(request.getPart("caption"))).isEqualTo("Quarterly report – Q3");
    assertThat(text(request.getPart("disable_notification"))).isEqualTo("true");
    Part markup = request.getPart("reply_markup");
    assertThat(markup.getHeader("Content-Type").firstValue()).startsWith("application/json");
    assertThat(json(text(markup)))
        .isEqualTo(
            json("{\"inline_keyboard\": [[{\"text\": \"Open\", \"url\": \"https://t.me/x\"}]]}"));
  }

  @Test
  void aBaseUrlWithTheTokenInItNeedsNoServerArgument() {
    ToolRegistry withBase =
        Registries.withSource(
            Corpus.read("telegram.org__5.0.0.openapi.yaml"),
            Json.object()
                .put("namespace", "telegram")
                .put("baseUrl", upstream.baseUrl() + "/bot" + TOKEN));
    try (withBase) {
      ToolResult result = withBase.call(TOOL, sendDocumentArgs(null));

      assertThat(result.ok()).as("%s", result).isTrue();
      LoggedRequest request = upstream.onlyRequest();
      assertThat(request.getUrl()).isEqualTo("/bot" + TOKEN + "/sendDocument");
      assertThat(request.getPart("document").getBody().asBytes()).isEqualTo(DOCUMENT);
    }
  }

  private static String text(Part part) {
    return new String(part.getBody().asBytes(), StandardCharsets.UTF_8);
  }
}
