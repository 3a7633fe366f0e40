package dev.executortools.bind;

import static dev.executortools.bind.Bindings.bindFailed;
import static dev.executortools.bind.Bindings.bindOk;
import static dev.executortools.bind.Bindings.body;
import static dev.executortools.bind.Bindings.json;
import static dev.executortools.bind.Bindings.media;
import static dev.executortools.bind.Bindings.withBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.compile.HttpBinding;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPlanBodyTest {

  private static String text(HttpRequestSpec request) {
    return new String(request.body(), StandardCharsets.UTF_8);
  }

  @Test
  void jsonBodyIsSentAsJsonBytesWithTheDeclaredType() {
    HttpRequestSpec request =
        bindOk(
            withBody(body(true, media("application/json"))),
            "{\"body\": {\"name\": \"Rex\", \"tags\": [1]}}");

    assertThat(text(request)).isEqualTo("{\"name\":\"Rex\",\"tags\":[1]}");
    assertThat(request.contentType()).isEqualTo("application/json");
    assertThat(request.method()).isEqualTo("POST");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/vnd.github+json",
        "application/merge-patch+json",
        "application/strategic-merge-patch+json",
        "application/json-patch+json",
        "application/json; charset=utf-8"
      })
  void vendorJsonTypesAreKeptExactlyAsDeclared(String mediaType) {
    HttpRequestSpec request =
        bindOk(withBody(body(true, media(mediaType))), "{\"body\": [{\"op\": \"remove\"}]}");

    assertThat(request.contentType()).isEqualTo(mediaType);
    assertThat(text(request)).isEqualTo("[{\"op\":\"remove\"}]");
  }

  @Test
  void contentTypeArgumentPicksTheMediaTypeAndTheFirstIsTheDefault() {
    HttpBinding binding = withBody(body(true, media("application/json"), media("text/plain")));

    assertThat(bindOk(binding, "{\"body\": \"hi\"}").contentType()).isEqualTo("application/json");
    assertThat(text(bindOk(binding, "{\"body\": \"hi\"}"))).isEqualTo("\"hi\"");
    HttpRequestSpec plain = bindOk(binding, "{\"body\": \"hi\", \"contentType\": \"text/plain\"}");
    assertThat(plain.contentType()).isEqualTo("text/plain");
    assertThat(text(plain)).isEqualTo("hi");
  }

  @Test
  void unknownContentTypeIsAnInvalidArgument() {
    HttpBinding binding = withBody(body(false, media("application/json"), media("text/plain")));

    assertThat(
            bindFailed(binding, "{\"body\": 1, \"contentType\": \"application/xml\"}")
                .at("/details/errors"))
        .isEqualTo(
            json(
                """
                [{"path": "/contentType", "message":
                  "unknown content type 'application/xml': expected one of [application/json, text/plain]"}]\
                """));
  }

  @Test
  void stripeStyleFormNestsObjectsAndArraysInBrackets() {
    HttpBinding binding = withBody(body(true, media("application/x-www-form-urlencoded")));

    HttpRequestSpec request =
        bindOk(
            binding,
            """
            {"body": {"amount": 2000, "currency": "usd", "metadata": {"order_id": "6735"},
                      "items": [{"price": "price_123", "quantity": 2}], "expand": ["customer"],
                      "description": "a b+c&d=é", "capture": true, "skip": null}}\
            """);

    assertThat(text(request))
        .isEqualTo(
            "amount=2000&currency=usd&metadata[order_id]=6735&items[0][price]=price_123"
                + "&items[0][quantity]=2&expand[0]=customer&description=a%20b%2Bc%26d%3D%C3%A9&capture=true");
    assertThat(request.contentType()).isEqualTo("application/x-www-form-urlencoded");
  }

  @Test
  void formEncodingMapChoosesStyleExplodeOrJsonPerProperty() {
    HttpBinding binding =
        withBody(
            body(
                true,
                media(
                    "application/x-www-form-urlencoded",
                    null,
                    """
                    {"tags": {"style": "form", "explode": false},
                     "ids": {"explode": true},
                     "pipes": {"style": "pipeDelimited"},
                     "address": {"contentType": "application/json"}}\
                    """)));

    HttpRequestSpec request =
        bindOk(
            binding,
            """
            {"body": {"tags": ["a", "b c"], "ids": [1, 2], "pipes": ["x", "y"],
                      "address": {"city": "Oslo", "zip": "0150"}}}\
            """);

    assertThat(text(request))
        .isEqualTo(
            "tags=a,b%20c&ids=1&ids=2&pipes=x%7Cy"
                + "&address=%7B%22city%22%3A%22Oslo%22%2C%22zip%22%3A%220150%22%7D");
  }

  @Test
  void octetStreamBodyIsDecodedFromBase64() {
    HttpBinding binding = withBody(body(true, media("application/octet-stream")));

    assertThat(bindOk(binding, "{\"body\": \"AAEC/w==\"}").body()).containsExactly(0, 1, 2, 255);
    assertThat(bindOk(binding, "{\"body\": \"AAEC_w\"}").body()).containsExactly(0, 1, 2, 255);
    HttpRequestSpec object =
        bindOk(binding, "{\"body\": {\"base64\": \"aGk=\", \"contentType\": \"x/y\"}}");
    assertThat(text(object)).isEqualTo("hi");
    assertThat(object.contentType()).isEqualTo("application/octet-stream");
  }

  @Test
  void invalidBase64IsAnInvalidArgument() {
    HttpBinding binding = withBody(body(true, media("image/png")));

    assertThat(
            bindFailed(binding, "{\"body\": \"not base64!\"}")
                .at("/details/errors/0/path")
                .asString())
        .isEqualTo("/body");
    assertThat(
            bindFailed(binding, "{\"body\": {\"name\": \"x\"}}")
                .at("/details/errors/0/message")
                .asString())
        .isEqualTo("expected binary content: a base64 string or {\"base64\": \"...\"}");
  }

  @Test
  void binaryTypesKeepTheDeclaredTypeAndRangesSendTheContentsOwn() {
    assertThat(
            bindOk(withBody(body(true, media("image/png"))), "{\"body\": \"iVBORw==\"}")
                .contentType())
        .isEqualTo("image/png");
    HttpBinding any = withBody(body(true, media("*/*")));
    assertThat(
            bindOk(any, "{\"body\": {\"base64\": \"aGk=\", \"contentType\": \"image/gif\"}}")
                .contentType())
        .isEqualTo("image/gif");
    assertThat(bindOk(any, "{\"body\": \"aGk=\"}").contentType())
        .isEqualTo("application/octet-stream");
    HttpRequestSpec json = bindOk(any, "{\"body\": {\"a\": 1}}");
    assertThat(json.contentType()).isEqualTo("application/json");
    assertThat(text(json)).isEqualTo("{\"a\":1}");
  }

  @Test
  void binarySchemaMakesAnUnknownTypeBase64() {
    HttpBinding binding =
        withBody(
            body(
                true,
                media(
                    "application/x-custom",
                    "{\"type\": \"string\", \"format\": \"binary\"}",
                    null)));

    assertThat(text(bindOk(binding, "{\"body\": \"aGk=\"}"))).isEqualTo("hi");
  }

  @Test
  void textTypesSendTheStringAsUtf8() {
    HttpRequestSpec plain =
        bindOk(withBody(body(true, media("text/plain; charset=utf-8"))), "{\"body\": \"héllo\"}");
    assertThat(plain.body()).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
    assertThat(plain.contentType()).isEqualTo("text/plain; charset=utf-8");

    HttpRequestSpec xml =
        bindOk(withBody(body(true, media("application/xml"))), "{\"body\": \"<a>1</a>\"}");
    assertThat(text(xml)).isEqualTo("<a>1</a>");
  }

  @Test
  void unknownTypesSendStringsAsIsAndOtherValuesAsJson() {
    HttpBinding binding = withBody(body(true, media("application/x-ndjson")));

    assertThat(text(bindOk(binding, "{\"body\": \"{\\\"a\\\":1}\\n\"}"))).isEqualTo("{\"a\":1}\n");
    assertThat(text(bindOk(binding, "{\"body\": {\"a\": 1}}"))).isEqualTo("{\"a\":1}");
    assertThat(bindOk(binding, "{\"body\": 1}").contentType()).isEqualTo("application/x-ndjson");
  }

  @Test
  void optionalBodyLeftOutSendsNoBody() {
    HttpRequestSpec request = bindOk(withBody(body(false, media("application/json"))), "{}");

    assertThat(request.body()).isNull();
    assertThat(request.contentType()).isNull();
  }

  @Test
  void requiredBodyLeftOutIsAnInvalidArgument() {
    assertThat(
            bindFailed(withBody(body(true, media("application/json"))), "{}").at("/details/errors"))
        .isEqualTo(
            json("[{\"path\": \"/body\", \"message\": \"missing request body: it is required\"}]"));
  }
}
