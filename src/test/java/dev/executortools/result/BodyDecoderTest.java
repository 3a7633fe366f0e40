package dev.executortools.result;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.internal.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class BodyDecoderTest {

  private static JsonNode decode(String contentType, String body) {
    return BodyDecoder.decode(contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @CsvSource({
    "application/json",
    "application/json; charset=utf-8",
    "APPLICATION/JSON",
    "application/problem+json",
    "application/vnd.github.v3+json",
    "application/hal+json; charset=UTF-8",
    "text/json"
  })
  void jsonMediaTypesAreParsed(String contentType) {
    assertThat(decode(contentType, "{\"a\": [1, true]}"))
        .isEqualTo(Json.parse("{\"a\": [1, true]}"));
  }

  @ParameterizedTest
  @CsvSource({
    "text/plain",
    "text/html; charset=utf-8",
    "text/csv",
    "application/xml",
    "application/atom+xml",
    "image/svg+xml",
    "application/javascript",
    "application/x-www-form-urlencoded",
    "application/yaml",
    "application/x-ndjson"
  })
  void textualMediaTypesAreStrings(String contentType) {
    assertThat(decode(contentType, "{\"looks\": \"like json\"}").stringValue())
        .isEqualTo("{\"looks\": \"like json\"}");
  }

  @Test
  void declaredCharsetIsUsedForText() {
    byte[] latin1 = "café".getBytes(StandardCharsets.ISO_8859_1);

    assertThat(BodyDecoder.decode("text/plain; charset=ISO-8859-1", latin1).stringValue())
        .isEqualTo("café");
  }

  @ParameterizedTest
  @CsvSource({"application/octet-stream", "image/png", "application/pdf", "application/zip"})
  void otherMediaTypesAreBase64(String contentType) {
    JsonNode data = decode(contentType, "abc");

    assertThat(data.get("base64").stringValue()).isEqualTo("YWJj");
    assertThat(data.get("contentType").stringValue()).isEqualTo(contentType);
  }

  @Test
  void emptyBodyIsNullWhateverTheType() {
    assertThat(BodyDecoder.decode("application/json", new byte[0]).isNull()).isTrue();
    assertThat(BodyDecoder.decode("image/png", new byte[0]).isNull()).isTrue();
    assertThat(BodyDecoder.decode(null, new byte[0]).isNull()).isTrue();
  }

  @Test
  void invalidJsonIsKeptAsTextWithANote() {
    JsonNode data = decode("application/json", "{not json");

    assertThat(data.get("text").stringValue()).isEqualTo("{not json");
    assertThat(data.get("contentType").stringValue()).isEqualTo("application/json");
    assertThat(data.get("note").stringValue()).contains("not valid JSON");
  }

  @Test
  void bodyWithoutMediaTypeIsSniffed() {
    assertThat(decode(null, " [1, 2] ")).isEqualTo(Json.parse("[1, 2]"));
    assertThat(decode(null, "plain words").stringValue()).isEqualTo("plain words");
    assertThat(decode(null, "{broken").stringValue()).isEqualTo("{broken");
    JsonNode binary = BodyDecoder.decode(null, new byte[] {(byte) 0xff, (byte) 0xfe, 0});
    assertThat(binary.get("contentType").stringValue()).isEqualTo("application/octet-stream");
  }

  @Test
  void unparseableMediaTypeIsTreatedAsAbsent() {
    assertThat(decode("not a media type", "{\"a\": 1}")).isEqualTo(Json.parse("{\"a\": 1}"));
  }
}
