package dev.executortools.bind;

import static dev.executortools.bind.Bindings.bindFailed;
import static dev.executortools.bind.Bindings.bindOk;
import static dev.executortools.bind.Bindings.body;
import static dev.executortools.bind.Bindings.media;
import static dev.executortools.bind.Bindings.withBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.compile.HttpBinding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

/** Multipart bodies, read back with OkHttp's {@link MultipartReader}. */
class RequestPlanMultipartTest {
  private static final String SCHEMA =
      """
      {"type": "object", "properties": {
        "title": {"type": "string"},
        "file": {"type": "string", "format": "binary"},
        "avatar": {"type": "string", "contentMediaType": "image/png", "contentEncoding": "base64"},
        "photos": {"type": "array", "items": {"type": "string", "format": "binary"}},
        "meta": {"type": "object"},
        "tags": {"type": "array", "items": {"type": "string"}}}}\
      """;

  /** One part as read back: its headers in wire form and its body as text. */
  private record Part(String headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private static List<Part> parts(HttpRequestSpec request) throws IOException {
    List<Part> parts = new ArrayList<>();
    ResponseBody body = ResponseBody.create(request.body(), MediaType.get(request.contentType()));
    try (MultipartReader reader = new MultipartReader(body)) {
      for (MultipartReader.Part part = reader.nextPart(); part != null; part = reader.nextPart()) {
        parts.add(new Part(part.headers().toString(), part.body().readByteArray()));
      }
    }
    return parts;
  }

  @Test
  void fileObjectBecomesAFilePartWithItsFilenameAndType() throws IOException {
    HttpBinding binding = withBody(body(true, media("multipart/form-data", SCHEMA, null)));

    HttpRequestSpec request =
        bindOk(
            binding,
            """
            {"body": {"title": "cat", "file": {"base64": "iVBORw0KGgo=", "filename": "cat.png",
                                               "contentType": "image/png"}}}\
            """);

    assertThat(request.contentType()).startsWith("multipart/form-data; boundary=");
    List<Part> parts = parts(request);
    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).headers())
        .isEqualTo("Content-Disposition: form-data; name=\"title\"\n");
    assertThat(parts.get(0).text()).isEqualTo("cat");
    assertThat(parts.get(1).headers())
        .isEqualTo(
            "Content-Disposition: form-data; name=\"file\"; filename=\"cat.png\"\n"
                + "Content-Type: image/png\n");
    assertThat(parts.get(1).body()).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
  }

  @Test
  void base64StringForABinaryPropertyIsAFileNamedAfterTheProperty() throws IOException {
    HttpBinding binding = withBody(body(true, media("multipart/form-data", SCHEMA, null)));

    List<Part> parts =
        parts(bindOk(binding, "{\"body\": {\"file\": \"aGk=\", \"avatar\": \"AAE=\"}}"));

    assertThat(parts.get(0).headers())
        .isEqualTo(
            "Content-Disposition: form-data; name=\"file\"; filename=\"file\"\n"
                + "Content-Type: application/octet-stream\n");
    assertThat(parts.get(0).text()).isEqualTo("hi");
    assertThat(parts.get(1).headers())
        .isEqualTo(
            "Content-Disposition: form-data; name=\"avatar\"; filename=\"avatar\"\n"
                + "Content-Type: image/png\n");
    assertThat(parts.get(1).body()).containsExactly(0, 1);
  }

  @Test
  void arraysBecomeOnePartPerElementAndObjectsJsonParts() throws IOException {
    HttpBinding binding = withBody(body(true, media("multipart/form-data", SCHEMA, null)));

    List<Part> parts =
        parts(
            bindOk(
                binding,
                """
                {"body": {"photos": ["aGk=", {"base64": "aG8=", "filename": "b.jpg"}],
                          "meta": {"a": [1, 2]}, "tags": ["x", "y"]}}\
                """));

    assertThat(parts)
        .extracting(Part::headers)
        .containsExactly(
            "Content-Disposition: form-data; name=\"photos\"; filename=\"photos\"\n"
                + "Content-Type: application/octet-stream\n",
            "Content-Disposition: form-data; name=\"photos\"; filename=\"b.jpg\"\n"
                + "Content-Type: application/octet-stream\n",
            "Content-Disposition: form-data; name=\"meta\"\nContent-Type: application/json\n",
            "Content-Disposition: form-data; name=\"tags\"\n",
            "Content-Disposition: form-data; name=\"tags\"\n");
    assertThat(parts).extracting(Part::text).containsExactly("hi", "ho", "{\"a\":[1,2]}", "x", "y");
  }

  @Test
  void anArrayOfObjectsIsOneJsonPart() throws IOException {
    HttpBinding binding = withBody(body(true, media("multipart/form-data", SCHEMA, null)));

    List<Part> parts =
        parts(
            bindOk(
                binding,
                "{\"body\": {\"caption_entities\": [{\"type\": \"bold\", \"offset\": 0}, {\"type\": \"url\"}]}}"));

    assertThat(parts)
        .extracting(Part::headers)
        .containsExactly(
            "Content-Disposition: form-data; name=\"caption_entities\"\nContent-Type: application/json\n");
    assertThat(parts.get(0).text())
        .isEqualTo("[{\"type\":\"bold\",\"offset\":0},{\"type\":\"url\"}]");
  }

  @Test
  void encodingContentTypeIsHonouredPerPart() throws IOException {
    HttpBinding binding =
        withBody(
            body(
                true,
                media(
                    "multipart/form-data",
                    "{\"$ref\": \"#/components/schemas/Upload\"}",
                    """
                    {"notes": {"contentType": "text/markdown"},
                     "tags": {"contentType": "application/json"},
                     "scan": {"contentType": "image/png, image/jpeg"}}\
                    """)));

    List<Part> parts =
        parts(
            bindOk(
                binding,
                """
                {"body": {"notes": "# hi", "tags": ["x", "y"], "scan": "AAE=", "count": 3}}\
                """));

    assertThat(parts)
        .extracting(Part::headers)
        .containsExactly(
            "Content-Disposition: form-data; name=\"notes\"\nContent-Type: text/markdown\n",
            "Content-Disposition: form-data; name=\"tags\"\nContent-Type: application/json\n",
            "Content-Disposition: form-data; name=\"scan\"; filename=\"scan\"\n"
                + "Content-Type: image/png\n",
            "Content-Disposition: form-data; name=\"count\"\n");
    assertThat(parts)
        .extracting(Part::text)
        .containsExactly("# hi", "[\"x\",\"y\"]", "\u0000\u0001", "3");
  }

  @Test
  void encodingStyleSplitsAPropertyIntoUnencodedTextParts() throws IOException {
    HttpBinding binding =
        withBody(
            body(
                true,
                media(
                    "multipart/form-data",
                    null,
                    """
                    {"labels": {"style": "form", "explode": false},
                     "meta": {"style": "deepObject", "explode": true}}\
                    """)));

    List<Part> parts =
        parts(
            bindOk(
                binding, "{\"body\": {\"labels\": [\"a b\", \"c\"], \"meta\": {\"k\": \"v&w\"}}}"));

    assertThat(parts)
        .extracting(Part::headers)
        .containsExactly(
            "Content-Disposition: form-data; name=\"labels\"\n",
            "Content-Disposition: form-data; name=\"meta[k]\"\n");
    assertThat(parts).extracting(Part::text).containsExactly("a b,c", "v&w");
  }

  @Test
  void partNamesAndFilenamesCannotBreakTheirHeader() throws IOException {
    HttpBinding binding = withBody(body(true, media("multipart/form-data")));

    List<Part> parts =
        parts(
            bindOk(
                binding,
                """
                {"body": {"a\\"b": {"base64": "aGk=", "filename": "x\\r\\ny.txt"}}}\
                """));

    assertThat(parts.get(0).headers())
        .isEqualTo(
            "Content-Disposition: form-data; name=\"a%22b\"; filename=\"x%0D%0Ay.txt\"\n"
                + "Content-Type: application/octet-stream\n");
  }

  @Test
  void invalidBase64InAFilePartNamesThePart() {
    HttpBinding binding = withBody(body(true, media("multipart/form-data", SCHEMA, null)));

    assertThat(
            bindFailed(binding, "{\"body\": {\"photos\": [\"aGk=\", \"%%%\"]}}")
                .at("/details/errors/0/path")
                .asString())
        .isEqualTo("/body/photos/1");
  }
}
